package dev.mfaportal.enrollment;

import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.mfaportal.guard.LocalRefusal;

/**
 * What the portal concluded about two six-digit codes before asking AWS: the activation's local check in the
 * code pipeline.
 *
 * @param kind the conclusion
 * @param offsetSeconds for {@link Kind#CLOCK_OFFSET}: how far the phone's clock is ahead (positive) or
 * behind (negative), to the nearest 30-second step
 */
record CodeVerdict(Kind kind, long offsetSeconds) implements LocalRefusal {

	enum Kind {

		/** Worth sending to AWS. */
		PLAUSIBLE,

		/** Both codes belong to the device, but not to two steps in a row. */
		NOT_CONSECUTIVE,

		/** Consecutive, but a minute or so old: typed too slowly, or a phone a little behind. */
		TOO_LATE,

		/** Consecutive, but from a time far from now: the phone's clock is off. */
		CLOCK_OFFSET,

		/** Neither code belongs to this device near now: a wrong code, or an old QR code. */
		NO_MATCH

	}

	static CodeVerdict of(Kind kind) {
		return new CodeVerdict(kind, 0);
	}

	static CodeVerdict clockOffset(long offsetSeconds) {
		return new CodeVerdict(Kind.CLOCK_OFFSET, offsetSeconds);
	}

	boolean plausible() {
		return this.kind == Kind.PLAUSIBLE;
	}

	/** The refusal for the code pipeline, or empty when the codes are worth sending to AWS. */
	Optional<LocalRefusal> refusal() {
		return plausible() ? Optional.empty() : Optional.of(this);
	}

	/** Only a code that matches nothing counts towards the wrong-code limit; the others are slips. */
	@Override
	public boolean countsAsWrongCode() {
		return this.kind == Kind.NO_MATCH;
	}

	/** The reason recorded in the audit log. */
	@Override
	public String reason() {
		return this.kind.name().toLowerCase().replace('_', '-');
	}

	/** What to tell the employee, with the clock offset in seconds or minutes. */
	MessageSourceResolvable message() {
		if (this.kind != Kind.CLOCK_OFFSET) {
			return new DefaultMessageSourceResolvable("enrollment.code." + reason());
		}
		long seconds = Math.abs(this.offsetSeconds);
		MessageSourceResolvable amount = (seconds < 120)
				? new DefaultMessageSourceResolvable(new String[] { "enrollment.code.offset.seconds" },
						new Object[] { seconds })
				: new DefaultMessageSourceResolvable(new String[] { "enrollment.code.offset.minutes" },
						new Object[] { Math.round(seconds / 60.0) });
		String key = (this.offsetSeconds > 0) ? "enrollment.code.clock-fast" : "enrollment.code.clock-slow";
		return new DefaultMessageSourceResolvable(new String[] { key }, new Object[] { amount });
	}

}
