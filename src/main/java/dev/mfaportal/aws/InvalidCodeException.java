package dev.mfaportal.aws;

/**
 * AWS refused the one-time code(s): {@code InvalidAuthenticationCode}, or {@code AccessDenied} from a failed MFA check on {@code GetSessionToken}.
 */
public class InvalidCodeException extends AwsCallException {

	public InvalidCodeException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
