package dev.mfaportal.guard;

import java.time.Instant;

/**
 * Too many wrong codes in the window; nothing may reach AWS before {@link #retryAt()}.
 */
public class TooManyAttemptsException extends RuntimeException {

	/** The limit reached: the wrong codes of one employee. */
	public static final String EMPLOYEE = "employee";

	/** The limit reached: the wrong codes from one source address. */
	public static final String IP = "ip";

	private final Instant retryAt;

	private final String scope;

	/** The employee's own limit was reached. */
	public TooManyAttemptsException(Instant retryAt) {
		this(retryAt, EMPLOYEE);
	}

	/** @param scope which limit was reached, {@link #EMPLOYEE} or {@link #IP} (audited and counted) */
	public TooManyAttemptsException(Instant retryAt, String scope) {
		super("Too many wrong codes; retry at " + retryAt);
		this.retryAt = retryAt;
		this.scope = scope;
	}

	public String scope() {
		return this.scope;
	}

	public Instant retryAt() {
		return this.retryAt;
	}

}
