package dev.mfaportal.aws;

/**
 * {@code EntityAlreadyExists}: a device with that name exists at that path, or the device is already assigned.
 */
public class DeviceAlreadyExistsException extends AwsCallException {

	public DeviceAlreadyExistsException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
