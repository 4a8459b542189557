package dev.mfaportal.aws;

import java.time.Instant;
import java.util.List;

/**
 * IAM's long-term access key calls for an employee's IAM user, made with the portal's own identity: the
 * portal-minted key source creates a key for one {@code GetSessionToken} and deletes it straight after. Every
 * method must be given the IAM user mapped to the signed-in employee (or one from the portal's own ledger of
 * minted keys), never a name from a request.
 */
public interface AccessKeys {

	/**
	 * {@code CreateAccessKey}. A new key is refused by STS ({@code InvalidClientTokenId}) for some seconds until
	 * it has propagated.
	 * @throws AwsCallException of kind {@link AwsCallException.Kind#LIMIT_EXCEEDED} when the user already has
	 * two keys
	 */
	Created create(String iamUserName);

	/** {@code DeleteAccessKey}; a key that no longer exists counts as deleted. */
	void delete(String iamUserName, String accessKeyId);

	/** {@code ListAccessKeys}: the user's keys, all pages. */
	List<Listed> list(String iamUserName);

	/** A key just created: the only moment AWS ever shows its secret. */
	record Created(AccessKey key, Instant createDate) {
	}

	/** A key as {@code ListAccessKeys} shows it (never with its secret). */
	record Listed(String accessKeyId, Instant createDate) {
	}

}
