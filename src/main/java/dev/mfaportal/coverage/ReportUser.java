package dev.mfaportal.coverage;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One IAM user's row of the credential report, in the portal's terms.
 *
 * @param userName the IAM user name
 * @param arn the user's ARN
 * @param passwordEnabled whether the user has a console password
 * @param passwordLastUsed when the password was last used; {@code null} for never, no information, or no password
 * @param mfaActive whether an MFA device is active (the report says nothing of how many, or which kind)
 * @param keys the user's access keys, active or not, by slot
 */
record ReportUser(String userName, String arn, boolean passwordEnabled, @Nullable Instant passwordLastUsed,
		boolean mfaActive, List<AccessKey> keys) {

	/**
	 * One of the two access key slots of a row.
	 *
	 * @param slot 1 or 2
	 * @param active whether the key is active
	 * @param lastRotated when the key was created or last rotated; {@code null} when the report says N/A
	 * @param lastUsed when the key was last used; {@code null} for never, or when the report does not say
	 * @param lastUsedKnown whether the report has the last-used columns at all (reports before 2015 did not)
	 */
	record AccessKey(int slot, boolean active, @Nullable Instant lastRotated, @Nullable Instant lastUsed,
			boolean lastUsedKnown) {
	}

}
