package dev.mfaportal.coverage;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.audit.LastActivity;

/**
 * One row of the coverage table: what the credential report says of an IAM user, and what the portal has seen.
 * What the filters and sorts compare is worked out once, when the row is built, not on every comparison.
 *
 * @param iamUser the IAM user name
 * @param inReport whether the report has the user (a user created since it was generated has no row yet)
 * @param mfaActive whether the report shows an active MFA device
 * @param mfaDevices how many MFA devices, where known
 * @param passwordEnabled whether the user has a console password; {@code null} when not in the report
 * @param passwordLastUsed when the console password was last used
 * @param activeKeys the user's active access keys
 * @param oldestKeyRotated when the oldest active key was created or rotated; {@code null} without one
 * @param activity the user's last sign-in, enrollment and issuance through the portal
 * @param lastActivity the latest of those; {@code null} when the portal has never seen the user
 */
record CoverageRow(String iamUser, boolean inReport, boolean mfaActive, @Nullable Integer mfaDevices,
		@Nullable Boolean passwordEnabled, @Nullable Instant passwordLastUsed, List<ReportUser.AccessKey> activeKeys,
		@Nullable Instant oldestKeyRotated, LastActivity activity, @Nullable Instant lastActivity) {

	static CoverageRow of(ScopedReport.User user, LastActivity activity) {
		ReportUser row = user.row();
		if (row == null) {
			return new CoverageRow(user.name(), false, false, null, null, null, List.of(), null, activity,
					activity.latest());
		}
		List<ReportUser.AccessKey> active = row.keys().stream().filter(ReportUser.AccessKey::active).toList();
		Instant oldest = active.stream()
			.map(ReportUser.AccessKey::lastRotated)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
		return new CoverageRow(user.name(), true, row.mfaActive(), user.mfaDevices(), row.passwordEnabled(),
				row.passwordLastUsed(), active, oldest, activity, activity.latest());
	}

	/** Whether an active key is older than {@code cutoff}. */
	boolean hasKeyRotatedBefore(Instant cutoff) {
		return this.oldestKeyRotated != null && this.oldestKeyRotated.isBefore(cutoff);
	}

	boolean neverUsedThePortal() {
		return this.lastActivity == null;
	}

}
