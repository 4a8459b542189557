package dev.mfaportal.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import dev.mfaportal.aws.AwsCallException.Kind;

/**
 * The one place that turns an SDK exception into the portal's own {@link AwsCallException}: its kind by AWS
 * error code, with the request id kept for support. Anything that means "AWS did not answer usefully"
 * (throttling, 5xx, timeouts, I/O) is {@link Kind#UNAVAILABLE}.
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
			return new AwsCallException(Kind.UNAVAILABLE,
					operation + " failed: AWS did not answer (" + exception.getClass().getSimpleName() + ")", null, null,
					exception);
		}
		String code = service.awsErrorDetails().errorCode();
		String requestId = service.requestId();
		String awsMessage = (service.awsErrorDetails().errorMessage() != null) ? service.awsErrorDetails().errorMessage() : "";
		Kind kind = (service.isThrottlingException() || service.statusCode() >= 500) ? Kind.UNAVAILABLE
				: kindOf((code != null) ? code : "", awsMessage, signer);
		if (kind == Kind.REJECTED_INPUT) {
			// Validation messages echo the rejected value; it is kept out of the message and the cause is dropped.
			return new AwsCallException(kind,
					operation + " failed: " + code + ": " + awsMessage.replaceAll("Value '[^']*'", "Value '****'"), code,
					requestId, null);
		}
		return new AwsCallException(kind, operation + " failed: " + code + ": " + awsMessage, code, requestId, service);
	}

	private static Kind kindOf(String code, String awsMessage, Signer signer) {
		return switch (code) {
			case "InvalidAuthenticationCode" -> Kind.WRONG_CODE;
			case "AccessDenied" -> accessDenied(awsMessage);
			case "LimitExceeded" -> Kind.LIMIT_EXCEEDED;
			case "NoSuchEntity" -> Kind.NOT_FOUND;
			case "EntityAlreadyExists" -> Kind.ALREADY_EXISTS;
			case "DeleteConflict" -> Kind.IN_USE;
			case "EntityTemporarilyUnmodifiable", "ConcurrentModification" -> Kind.TRY_AGAIN_SHORTLY;
			// A key the employee typed is theirs to fix; the portal's own key being refused is a deployment fault
			// the employee cannot fix, so it is reported as a denial of the portal's identity.
			case "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
					"MissingAuthenticationToken", "UnrecognizedClientException", "InvalidAccessKeyId" ->
				(signer == Signer.EMPLOYEE) ? Kind.INVALID_KEY : Kind.ACCESS_DENIED;
			case "ValidationError", "InvalidInput", "InvalidParameterValue", "MalformedPolicyDocument" ->
				Kind.REJECTED_INPUT;
			default -> Kind.OTHER;
		};
	}

	/** On GetSessionToken an MFA check failure is AccessDenied; anything else is a missing permission. */
	private static Kind accessDenied(String awsMessage) {
		if (awsMessage.startsWith("MultiFactorAuthentication failed with invalid")) {
			return Kind.WRONG_CODE;
		}
		if (awsMessage.startsWith("MultiFactorAuthentication failed")) {
			return Kind.KEY_NOT_FOR_DEVICE;
		}
		if (awsMessage.startsWith("Cannot call GetSessionToken with session credentials")) {
			return Kind.INVALID_KEY;
		}
		return Kind.ACCESS_DENIED;
	}

}
