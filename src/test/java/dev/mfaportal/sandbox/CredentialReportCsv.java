package dev.mfaportal.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credential report's CSV, built from the account's state in the column order and with the values of
 * the IAM User Guide (Getting credential reports for your AWS account): {@code N/A}, {@code no_information},
 * {@code not_supported}. From public samples of real reports: the root first as {@code <root_account>} with
 * {@code arn:aws:iam::<account>:root}, times as {@code 2017-06-10T02:35:07+00:00}, booleans lower-case (the
 * guide's prose writes TRUE/FALSE). Lines end with LF, the last one without (a trailing newline is UNCONFIRMED).
 * The users' order is UNCONFIRMED; here by name.
 */
final class CredentialReportCsv {

	static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
			"password_last_used", "password_last_changed", "password_next_rotation", "mfa_active", "access_key_1_active",
			"access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region",
			"access_key_1_last_used_service", "access_key_2_active", "access_key_2_last_rotated",
			"access_key_2_last_used_date", "access_key_2_last_used_region", "access_key_2_last_used_service",
			"cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");

	/** When the sandbox account was opened, and when its root last signed in to the console. */
	static final Instant ROOT_CREATED = Instant.parse("2023-11-02T09:14:27Z");

	private static final Instant ROOT_LAST_SIGN_IN = Instant.parse("2025-12-01T08:03:51Z");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
		.withZone(ZoneOffset.UTC);

	private static final String NA = "N/A";

	private CredentialReportCsv() {
	}

	static String build(IamState iam, AccessKeys keys) {
		List<String> lines = new ArrayList<>();
		lines.add(String.join(",", COLUMNS));
		lines.add(String.join(",", "<root_account>", "arn:aws:iam::" + iam.accountId() + ":root", time(ROOT_CREATED),
				"not_supported", time(ROOT_LAST_SIGN_IN), "not_supported", "not_supported", "true", "false", NA, NA, NA, NA,
				"false", NA, NA, NA, NA, "false", NA, "false", NA));
		for (IamState.User user : iam.usersUnder("/")) {
			lines.add(row(user, iam, keys));
		}
		return String.join("\n", lines);
	}

	private static String row(IamState.User user, IamState iam, AccessKeys keys) {
		List<String> cells = new ArrayList<>(List.of(user.name(), user.arn(), time(user.created())));
		Optional<IamState.Password> password = iam.password(user.name());
		// password_last_used: no_information when the password was never used; password_next_rotation only
		// with a password policy that rotates, which the sandbox account has not.
		cells.add(String.valueOf(password.isPresent()));
		cells.add(password.map((p) -> (p.lastUsed() != null) ? time(p.lastUsed()) : "no_information").orElse(NA));
		cells.add(password.map((p) -> time(p.changed())).orElse(NA));
		cells.add(NA);
		cells.add(String.valueOf(!iam.devicesOf(user.name()).isEmpty()));
		List<AccessKeys.Key> userKeys = keys.longTermOf(user.name());
		for (int slot = 0; slot < 2; slot++) {
			cells.addAll((slot < userKeys.size()) ? keyCells(userKeys.get(slot), keys) : List.of("false", NA, NA, NA, NA));
		}
		cells.addAll(List.of("false", NA, "false", NA));
		return String.join(",", cells);
	}

	/**
	 * "If the user does not have an active access key, the value in this field is N/A" for last_rotated,
	 * read here per key (for an inactive key, UNCONFIRMED). The region is N/A for a service that "is not
	 * region-specific", which IAM is; STS's global endpoint counts as us-east-1 (inferred).
	 */
	private static List<String> keyCells(AccessKeys.Key key, AccessKeys keys) {
		Optional<AccessKeys.LastUsed> used = keys.lastUsed(key.accessKeyId());
		return List.of(String.valueOf(key.active()), key.active() ? time(key.created()) : NA,
				used.map((u) -> time(u.at())).orElse(NA), used.map(AccessKeys.LastUsed::region).orElse(NA),
				used.map(AccessKeys.LastUsed::service).orElse(NA));
	}

	private static String time(Instant instant) {
		return TIME.format(instant);
	}

}
