package dev.mfaportal.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that turns an SDK exception into the portal's own: by AWS error code, with the request id
 * kept for support. Anything that means "AWS did not answer usefully" (throttling, 5xx, timeouts, I/O)
 * becomes {@link AwsUnavailableException}.
 */
final class AwsErrorTranslator {

	/** Who signed the failed call: the portal's own identity, or a key the employee supplied. */
	enum Signer {

		PORTAL, EMPLOYEE

	}

	private AwsErrorTranslator() {
	}

	static AwsCallException translate(String operation, SdkException exception, Signer signer) {
		if (!(exception instanceof AwsServiceException service) || service.awsErrorDetails() == null) {
			return new AwsUnavailableException(operation + " failed: AWS did not answer (" + exception.getClass().getSimpleName() + ")",
					null, null, exception);
		}
		String code = service.awsErrorDetails().errorCode();
		String requestId = service.requestId();
		String awsMessage = (service.awsErrorDetails().errorMessage() != null) ? service.awsErrorDetails().errorMessage() : "";
		String message = operation + " failed: " + code + ": " + awsMessage;
		if (service.isThrottlingException() || service.statusCode() >= 500) {
			return new AwsUnavailableException(message, code, requestId, service);
		}
		return switch ((code != null) ? code : "") {
			case "InvalidAuthenticationCode" -> new InvalidCodeException(message, code, requestId, service);
			case "AccessDenied" -> accessDenied(message, awsMessage, code, requestId, service);
			case "LimitExceeded" -> new DeviceLimitExceededException(message, code, requestId, service);
			case "NoSuchEntity" -> new NoSuchDeviceException(message, code, requestId, service);
			case "EntityAlreadyExists" -> new DeviceAlreadyExistsException(message, code, requestId, service);
			case "DeleteConflict" -> new DeviceInUseException(message, code, requestId, service);
			case "EntityTemporarilyUnmodifiable", "ConcurrentModification" ->
				new TryAgainShortlyException(message, code, requestId, service);
			case "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
					"MissingAuthenticationToken", "UnrecognizedClientException", "InvalidAccessKeyId" ->
				badKey(message, code, requestId, service, signer);
			// Validation messages echo the rejected value; it is kept out of the message and the cause is dropped.
			case "ValidationError", "InvalidInput", "InvalidParameterValue", "MalformedPolicyDocument" ->
				new AwsRejectedInputException(operation + " failed: " + code + ": " + awsMessage.replaceAll("Value '[^']*'", "Value '****'"),
						code, requestId, null);
			default -> new AwsCallException(message, code, requestId, service);
		};
	}

	/** On GetSessionToken an MFA check failure is AccessDenied; anything else is a missing permission. */
	private static AwsCallException accessDenied(String message, String awsMessage, String code, String requestId,
			AwsServiceException cause) {
		if (awsMessage.startsWith("MultiFactorAuthentication failed with invalid")) {
			return new InvalidCodeException(message, code, requestId, cause);
		}
		if (awsMessage.startsWith("MultiFactorAuthentication failed")) {
			return new MfaDeviceMismatchException(message, code, requestId, cause);
		}
		if (awsMessage.startsWith("Cannot call GetSessionToken with session credentials")) {
			return new InvalidAccessKeyException(message, code, requestId, cause);
		}
		return new AwsAccessDeniedException(message, code, requestId, cause);
	}

	/**
	 * A key the employee typed is theirs to fix; the portal's own key being refused is a deployment fault
	 * the employee cannot fix, so it is reported as a denial of the portal's identity.
	 */
	private static AwsCallException badKey(String message, String code, String requestId, AwsServiceException cause,
			Signer signer) {
		return (signer == Signer.EMPLOYEE) ? new InvalidAccessKeyException(message, code, requestId, cause)
				: new AwsAccessDeniedException(message, code, requestId, cause);
	}

}
