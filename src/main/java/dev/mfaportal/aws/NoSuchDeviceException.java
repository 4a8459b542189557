package dev.mfaportal.aws;

/**
 * {@code NoSuchEntity}: the device (or user) does not exist, e.g. a pending device that was swept.
 */
public class NoSuchDeviceException extends AwsCallException {

	public NoSuchDeviceException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
