package dev.mfaportal.aws;

/**
 * {@code AccessDenied} from {@code GetSessionToken} saying the MFA serial is unknown or not associated
 * with the user who owns the access key: most often the key belongs to another IAM user than the device
 * (S9), or the device was removed. A subclass of {@link InvalidCodeException}, so code that handles
 * every failed MFA check keeps working.
 */
public class MfaDeviceMismatchException extends InvalidCodeException {

	public MfaDeviceMismatchException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
