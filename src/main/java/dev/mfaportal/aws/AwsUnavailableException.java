package dev.mfaportal.aws;

/**
 * AWS did not answer usefully: throttling, a 5xx, a timeout or a dropped connection (S28). Try again later.
 */
public class AwsUnavailableException extends AwsCallException {

	public AwsUnavailableException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
