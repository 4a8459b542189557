package dev.mfaportal.guard;

import java.time.Instant;

/**
 * Too many wrong codes in the window; nothing may reach AWS before {@link #retryAt()}.
 */
public class TooManyAttemptsException extends RuntimeException {

	private final Instant retryAt;

	public TooManyAttemptsException(Instant retryAt) {
		super("Too many wrong codes; retry at " + retryAt);
		this.retryAt = retryAt;
	}

	public Instant retryAt() {
		return this.retryAt;
	}

}
