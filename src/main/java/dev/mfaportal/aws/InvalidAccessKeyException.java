package dev.mfaportal.aws;

/**
 * The supplied access key is unknown, inactive, expired or its secret is wrong ({@code InvalidClientTokenId}, {@code SignatureDoesNotMatch}, {@code ExpiredToken}).
 */
public class InvalidAccessKeyException extends AwsCallException {

	public InvalidAccessKeyException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
