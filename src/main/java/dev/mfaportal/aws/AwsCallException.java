package dev.mfaportal.aws;

/**
 * An AWS call failed. Subclasses say what it means for the employee; every one carries the AWS error
 * code and request id (either may be {@code null} when AWS never answered) so support can find it.
 */
public class AwsCallException extends RuntimeException {

	private final String errorCode;

	private final String requestId;

	public AwsCallException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, cause);
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	public String errorCode() {
		return this.errorCode;
	}

	public String requestId() {
		return this.requestId;
	}

}
