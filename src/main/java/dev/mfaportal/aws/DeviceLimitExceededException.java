package dev.mfaportal.aws;

/**
 * {@code LimitExceeded}: the user already has 8 MFA devices (or the account's quota is used up).
 */
public class DeviceLimitExceededException extends AwsCallException {

	public DeviceLimitExceededException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
