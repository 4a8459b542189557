package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The STS actions: {@code GetSessionToken} (signed with a user's long-term key, checked against one of
 * that user's MFA devices) and {@code GetCallerIdentity} (a session answers with its user's ARN).
 */
final class StsActions {

	private static final String BAD_CODE = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

	private static final String BAD_SERIAL = "MultiFactorAuthentication failed, unable to validate MFA code.  "
			+ "Please verify your MFA serial number is valid and associated with this user.";

	private final IamState iam;

	private final AccessKeys keys;

	private final Supplier<Instant> totpClock;

	StsActions(IamState iam, AccessKeys keys, Supplier<Instant> totpClock) {
		this.iam = iam;
		this.keys = keys;
		this.totpClock = totpClock;
	}

	void register(Map<String, Action> actions) {
		actions.put("GetSessionToken", this::getSessionToken);
		actions.put("GetCallerIdentity", this::getCallerIdentity);
	}

	private String getSessionToken(AccessKeys.Key caller, FormParams params) {
		long seconds = durationSeconds(params.get("DurationSeconds"));
		String serial = params.get("SerialNumber");
		String code = params.get("TokenCode");
		if (serial != null) {
			Validation.serial("serialNumber", serial);
		}
		if (code != null) {
			Validation.code("tokenCode", code);
		}
		if (caller.session()) {
			throw SandboxAwsError.accessDenied("Cannot call GetSessionToken with session credentials");
		}
		boolean mfa = serial != null || code != null;
		if (mfa) {
			IamState.Device device = this.iam.device((serial != null) ? serial : "")
				.filter((candidate) -> caller.userName().equals(candidate.userName))
				.orElseThrow(() -> SandboxAwsError.accessDenied(BAD_SERIAL));
			if (code == null || !CodeChecker.acceptSingle(device, code, this.totpClock.get())) {
				throw SandboxAwsError.accessDenied(BAD_CODE);
			}
		}
		Instant issued = Instant.now();
		AccessKeys.Key session = this.keys.issueSession(caller, issued, issued.plusSeconds(seconds), mfa);
		return new Xml().open("Credentials")
			.leaf("AccessKeyId", session.accessKeyId())
			.leaf("SecretAccessKey", session.secret())
			.leaf("SessionToken", session.sessionToken())
			.leaf("Expiration", session.expiration())
			.close("Credentials")
			.toString();
	}

	private static long durationSeconds(String text) {
		if (text == null) {
			return Duration.ofHours(12).toSeconds();
		}
		long seconds;
		try {
			seconds = Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw SandboxAwsError.validation("durationSeconds", text, "Member must be a number");
		}
		if (seconds < 900) {
			throw SandboxAwsError.validation("durationSeconds", text, "Member must have value greater than or equal to 900");
		}
		if (seconds > 129600) {
			throw SandboxAwsError.validation("durationSeconds", text, "Member must have value less than or equal to 129600");
		}
		return seconds;
	}

	private String getCallerIdentity(AccessKeys.Key caller, FormParams params) {
		IamState.User user = this.iam.existingUser(caller.userName());
		return new Xml().leaf("Arn", user.arn()).leaf("UserId", user.userId()).leaf("Account", this.iam.accountId()).toString();
	}

}
