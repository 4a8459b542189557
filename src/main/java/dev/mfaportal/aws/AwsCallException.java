package dev.mfaportal.aws;

import org.jspecify.annotations.Nullable;

/**
 * An AWS call failed. {@link #kind()} says what that means for the portal, whichever AWS error code said it;
 * the AWS error code and request id (either {@code null} when AWS never answered) let support find the call.
 * One class, not a hierarchy: callers decide by kind, and no caller catches a subtype.
 */
public final class AwsCallException extends RuntimeException {

	/** What a failed call means, as the portal acts on it. */
	public enum Kind {

		/**
		 * AWS refused the one-time code(s): {@code InvalidAuthenticationCode}, or {@code AccessDenied} from a
		 * failed MFA check on {@code GetSessionToken}. The only kind that counts as a wrong code.
		 */
		WRONG_CODE,

		/**
		 * {@code AccessDenied} from {@code GetSessionToken} saying the MFA serial is unknown or not associated with
		 * the user who owns the access key: most often another IAM user's key (S9), or a removed device. AWS did
		 * not check the code.
		 */
		KEY_NOT_FOR_DEVICE,

		/**
		 * A key the employee supplied is unknown, inactive, expired, wrongly signed or a session key
		 * ({@code InvalidClientTokenId}, {@code SignatureDoesNotMatch}, {@code ExpiredToken}, ...).
		 */
		INVALID_KEY,

		/** AWS did not answer usefully: throttling, a 5xx, a timeout or a dropped connection (S28). */
		UNAVAILABLE,

		/** {@code EntityTemporarilyUnmodifiable} or {@code ConcurrentModification}: try again in a moment. */
		TRY_AGAIN_SHORTLY,

		/** {@code EntityAlreadyExists}: a device with that name exists at that path, or is already assigned. */
		ALREADY_EXISTS,

		/** {@code DeleteConflict}: the device is still assigned and must be deactivated first. */
		IN_USE,

		/** {@code LimitExceeded}: the user already has 8 MFA devices, or an account quota is used up. */
		LIMIT_EXCEEDED,

		/** {@code NoSuchEntity}: the device (or user) does not exist, e.g. a pending device that was swept. */
		NOT_FOUND,

		/** {@code ValidationError}, {@code InvalidInput}, ...: a parameter the portal should have caught. */
		REJECTED_INPUT,

		/**
		 * {@code AccessDenied} that is not an MFA check, or the portal's own key refused: the portal's identity
		 * lacks a permission, a deployment fault the employee cannot fix.
		 */
		ACCESS_DENIED,

		/** Any other error code. */
		OTHER

	}

	private final Kind kind;

	private final @Nullable String errorCode;

	private final @Nullable String requestId;

	public AwsCallException(Kind kind, String message, @Nullable String errorCode, @Nullable String requestId,
			@Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	public Kind kind() {
		return this.kind;
	}

	public boolean is(Kind kind) {
		return this.kind == kind;
	}

	public @Nullable String errorCode() {
		return this.errorCode;
	}

	public @Nullable String requestId() {
		return this.requestId;
	}

}
