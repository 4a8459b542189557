package dev.mfaportal.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the sandbox injects into the requests it receives, for the next {@code times} requests (or all,
 * when {@code times} is {@link #ALWAYS}), optionally only for one {@code action}. Build one with the
 * factories, then narrow it: {@code SandboxFault.throttling().onlyFor("GetSessionToken").times(1)}.
 *
 * @param kind what goes wrong
 * @param latency the delay before answering, for {@link Kind#LATENCY} (the request is then served normally)
 * @param action the awsQuery action it applies to, or {@code null} for every action
 * @param times how many matching requests it applies to, or {@link #ALWAYS}
 */
public record SandboxFault(Kind kind, Duration latency, String action, int times) {

	public static final int ALWAYS = -1;

	public SandboxFault {
		Objects.requireNonNull(kind, "kind");
		if (times == 0 || times < ALWAYS) {
			throw new IllegalArgumentException("times must be positive or ALWAYS");
		}
	}

	/** Delays every matching request by {@code latency}, then serves it. */
	public static SandboxFault latency(Duration latency) {
		return new SandboxFault(Kind.LATENCY, latency, null, ALWAYS);
	}

	/** Answers {@code Throttling} 400 "Rate exceeded", as IAM does. */
	public static SandboxFault throttling() {
		return new SandboxFault(Kind.THROTTLING, Duration.ZERO, null, ALWAYS);
	}

	/** Answers 500 {@code ServiceFailure} (IAM) or {@code InternalFailure} (STS). */
	public static SandboxFault serviceFailure() {
		return new SandboxFault(Kind.SERVICE_FAILURE, Duration.ZERO, null, ALWAYS);
	}

	/** Closes the connection without any response. */
	public static SandboxFault droppedConnection() {
		return new SandboxFault(Kind.DROPPED_CONNECTION, Duration.ZERO, null, ALWAYS);
	}

	/** The same fault, only for requests whose {@code Action} is {@code action}. */
	public SandboxFault onlyFor(String action) {
		return new SandboxFault(this.kind, this.latency, action, this.times);
	}

	/** The same fault, for the next {@code times} matching requests only. */
	public SandboxFault times(int times) {
		return new SandboxFault(this.kind, this.latency, this.action, times);
	}

	boolean matches(String requestAction) {
		return this.action == null || this.action.equals(requestAction);
	}

	/**
	 * What goes wrong.
	 */
	public enum Kind {

		LATENCY, THROTTLING, SERVICE_FAILURE, DROPPED_CONNECTION

	}

}
