package dev.mfaportal.enrollment;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;

/**
 * AWS refused a device call or did not answer: what a page may say about it (never AWS's own message, which
 * may hold internals).
 *
 * @param kind what the failure means
 * @param errorCode AWS's error code, {@code null} when AWS never answered
 * @param requestId for support (S27), {@code null} when AWS never answered
 */
public record AwsProblem(Kind kind, @Nullable String errorCode, @Nullable String requestId) {

	static AwsProblem of(AwsCallException ex) {
		return new AwsProblem(ex.kind(), ex.errorCode(), ex.requestId());
	}

	/** AWS did not answer (throttling, 5xx, timeout): try again in a minute; a change may or may not have happened. */
	public boolean unavailable() {
		return this.kind == Kind.UNAVAILABLE;
	}

	/** AWS answered {@code NoSuchEntity}: for a listing, the IAM user does not exist. */
	public boolean notFound() {
		return this.kind == Kind.NOT_FOUND;
	}

}
