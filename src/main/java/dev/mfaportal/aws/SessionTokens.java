package dev.mfaportal.aws;

import java.time.Duration;

import dev.mfaportal.kernel.OneTimeCode;

/**
 * STS calls made with credentials the employee supplied for one request. The portal's own identity
 * cannot mint a session for an employee: AWS requires the key of the IAM user who owns the device.
 */
public interface SessionTokens {

	/** {@code GetSessionToken} signed with {@code key}; carries a code, so it is never retried. */
	SessionCredentials issue(AccessKey key, String serialNumber, OneTimeCode code, Duration duration);

	/** {@code GetCallerIdentity} signed with the session itself. */
	CallerIdentity callerOf(SessionCredentials session);

}
