package dev.mfaportal.aws;

/**
 * {@code EntityTemporarilyUnmodifiable} or {@code ConcurrentModification}: the entity is being changed; try again in a moment.
 */
public class TryAgainShortlyException extends AwsCallException {

	public TryAgainShortlyException(String message, String errorCode, String requestId, Throwable cause) {
		super(message, errorCode, requestId, cause);
	}

}
