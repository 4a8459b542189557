package dev.mfaportal.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What IAM lists about many users at once, made with the portal's own identity: account-wide listings that read
 * every page, never a call per user. A failed call is an {@link AwsCallException}.
 */
public interface IamUsers {

	/** {@code ListUsers(PathPrefix)}: the users whose path starts with {@code pathPrefix} (e.g. {@code /employees/}). */
	List<IamUser> listUnder(String pathPrefix);

	/**
	 * {@code ListVirtualMFADevices(AssignmentStatus=Assigned)}: how many virtual MFA devices each user has. Users
	 * without one are absent; hardware keys and passkeys are not virtual devices and are not counted.
	 */
	Map<String, Integer> virtualMfaDeviceCounts();

	/**
	 * One IAM user as {@code ListUsers} describes them.
	 *
	 * @param userName the user name
	 * @param path the path, e.g. {@code /employees/}
	 * @param arn the ARN, which includes the path
	 * @param createdAt when the user was created
	 */
	record IamUser(String userName, String path, String arn, Instant createdAt) {
	}

}
