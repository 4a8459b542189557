package dev.mfaportal.aws;

/**
 * {@code AccessDenied} that is not an MFA check: the portal's own identity lacks a permission.
 */
public class AwsAccessDeniedException extends AwsCallException {

	public AwsAccessDeniedException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
