package dev.mfaportal.aws;

import java.time.Instant;
import java.util.Optional;

/**
 * Revoking an IAM user's sessions through one customer-managed deny policy attached to the employees (their
 * group): a statement per revoked user denies every action to sessions of {@code aws:username} whose
 * {@code aws:TokenIssueTime} is before a time. Session credentials outlive the key that made them, so changing
 * the user's permissions is the only way to stop them. The portal needs {@code iam:CreatePolicyVersion} (and
 * the reads) on that one policy, instead of {@code iam:PutUserPolicy} on every employee, which would let it
 * grant anything.
 */
public interface SessionRevocations {

	/**
	 * Writes a new default version of the policy denying the user's sessions issued before {@code before},
	 * replacing the user's earlier statement and dropping statements older than {@code pruneBefore} (no session
	 * issued before then is still valid); deletes the oldest non-default version when five exist.
	 * @throws AwsCallException of kind {@link AwsCallException.Kind#LIMIT_EXCEEDED} when the document would pass
	 * the managed-policy size limit
	 */
	void revoke(String policyArn, String iamUserName, Instant before, Instant pruneBefore);

	/** The time before which the user's sessions are revoked, if the policy's default version says so. */
	Optional<Instant> revokedBefore(String policyArn, String iamUserName);

}
