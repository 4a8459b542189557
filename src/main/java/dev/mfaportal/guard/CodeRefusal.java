package dev.mfaportal.guard;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.aws.AwsCallException;

/**
 * Why {@link CodeAttempts} stopped an attempt, already audited; the flow turns it into what its employee
 * is told. A refusal by the rate limit is not one of these: {@link TooManyAttemptsException} answers it.
 *
 * @param cause which step refused
 * @param reason the stable reason the audit row carries
 * @param local the flow's own refusal, for {@link Cause#LOCAL_CHECK}
 * @param aws AWS's answer, for {@link Cause#AWS}
 */
public record CodeRefusal(Cause cause, String reason, @Nullable LocalRefusal local, @Nullable AwsCallException aws) {

	/** The step of the pipeline that refused. */
	public enum Cause {

		/** A code is not exactly six digits. */
		NOT_SIX_DIGITS,

		/** A two-code flow got the same code twice. */
		SAME_CODE_TWICE,

		/** The flow's {@link LocalCheck} said no. */
		LOCAL_CHECK,

		/** The portal has just used a code for this device (S15). */
		CODE_ALREADY_USED,

		/** AWS refused the call or did not answer; see {@link CodeRefusal#aws()}. */
		AWS

	}

}
