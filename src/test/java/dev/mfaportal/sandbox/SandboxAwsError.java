package dev.mfaportal.sandbox;

/**
 * An AWS error the sandbox answers with: the wire code, the HTTP status and the message.
 */
final class SandboxAwsError extends RuntimeException {

	private final String code;

	private final int status;

	SandboxAwsError(int status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	String code() {
		return this.code;
	}

	int status() {
		return this.status;
	}

	static SandboxAwsError validation(String field, Object value, String constraint) {
		String shown = (value != null) ? "'" + value + "'" : "null";
		return new SandboxAwsError(400, "ValidationError", "1 validation error detected: Value " + shown + " at '"
				+ field + "' failed to satisfy constraint: " + constraint);
	}

	static SandboxAwsError invalidInput(String message) {
		return new SandboxAwsError(400, "InvalidInput", message);
	}

	static SandboxAwsError noSuchEntity(String message) {
		return new SandboxAwsError(404, "NoSuchEntity", message);
	}

	static SandboxAwsError alreadyExists(String message) {
		return new SandboxAwsError(409, "EntityAlreadyExists", message);
	}

	static SandboxAwsError limitExceeded(String message) {
		return new SandboxAwsError(409, "LimitExceeded", message);
	}

	static SandboxAwsError deleteConflict(String message) {
		return new SandboxAwsError(409, "DeleteConflict", message);
	}

	static SandboxAwsError invalidAuthenticationCode() {
		return new SandboxAwsError(403, "InvalidAuthenticationCode", "Authentication code for device is not valid.");
	}

	static SandboxAwsError accessDenied(String message) {
		return new SandboxAwsError(403, "AccessDenied", message);
	}

	static SandboxAwsError invalidClientTokenId() {
		return new SandboxAwsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
	}

	static SandboxAwsError signatureDoesNotMatch() {
		return new SandboxAwsError(403, "SignatureDoesNotMatch",
				"The request signature we calculated does not match the signature you provided. "
						+ "Check your AWS Secret Access Key and signing method. "
						+ "Consult the service documentation for details.");
	}

	static SandboxAwsError missingAuthenticationToken() {
		return new SandboxAwsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
	}

	static SandboxAwsError expiredToken() {
		return new SandboxAwsError(403, "ExpiredToken", "The security token included in the request is expired");
	}

	static SandboxAwsError throttling() {
		return new SandboxAwsError(400, "Throttling", "Rate exceeded");
	}

	static SandboxAwsError serviceFailure(String code) {
		return new SandboxAwsError(500, code, "An internal error occurred. Try again later.");
	}

}
