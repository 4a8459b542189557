package dev.mfaportal.aws;

/**
 * {@code DeleteConflict}: the device is still assigned to a user and must be deactivated first.
 */
public class DeviceInUseException extends AwsCallException {

	public DeviceInUseException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
