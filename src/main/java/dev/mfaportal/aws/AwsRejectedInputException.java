package dev.mfaportal.aws;

/**
 * {@code ValidationError} or {@code InvalidInput}: AWS refused a parameter the portal should have caught.
 */
public class AwsRejectedInputException extends AwsCallException {

	public AwsRejectedInputException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
