package dev.mfaportal.enrollment;

import java.time.Instant;
import java.util.OptionalLong;

import dev.mfaportal.enrollment.CodeVerdict.Kind;

/**
 * Checks two codes against the seed before any AWS call, so the employee learns precisely what went wrong
 * (and a slip costs no AWS call and no used code). The code pipeline has made sure already that they are two
 * different six-digit codes.
 */
final class CodeCheck {

	private final long allowedDriftSteps;

	private final long searchSteps;

	/**
	 * @param allowedDriftSteps how many 30-second steps the newer code may be away from now and still be sent
	 * to AWS
	 * @param searchSteps how far either way to look for the codes, to name a clock offset
	 */
	CodeCheck(long allowedDriftSteps, long searchSteps) {
		this.allowedDriftSteps = allowedDriftSteps;
		this.searchSteps = searchSteps;
	}

	CodeVerdict check(Totp totp, String code1, String code2, Instant now) {
		long nowStep = Totp.stepAt(now);
		OptionalLong pair = findConsecutive(totp, code1, code2, nowStep);
		if (pair.isPresent()) {
			return judgeDrift(pair.getAsLong() - nowStep);
		}
		if (find(totp, code1, nowStep).isPresent() && find(totp, code2, nowStep).isPresent()) {
			return CodeVerdict.of(Kind.NOT_CONSECUTIVE);
		}
		return CodeVerdict.of(Kind.NO_MATCH);
	}

	private CodeVerdict judgeDrift(long drift) {
		if (Math.abs(drift) <= this.allowedDriftSteps) {
			return CodeVerdict.of(Kind.PLAUSIBLE);
		}
		if (drift == -(this.allowedDriftSteps + 1)) {
			return CodeVerdict.of(Kind.TOO_LATE);
		}
		return CodeVerdict.clockOffset(drift * Totp.STEP_SECONDS);
	}

	/** The step of {@code code2} when {@code code1} is the step before it, nearest to now first. */
	private OptionalLong findConsecutive(Totp totp, String code1, String code2, long nowStep) {
		for (long distance = 0; distance <= this.searchSteps; distance++) {
			for (long step : new long[] { nowStep - distance, nowStep + distance }) {
				if (code2.equals(totp.codeAt(step)) && code1.equals(totp.codeAt(step - 1))) {
					return OptionalLong.of(step);
				}
			}
		}
		return OptionalLong.empty();
	}

	private OptionalLong find(Totp totp, String code, long nowStep) {
		for (long step = nowStep - this.searchSteps; step <= nowStep + this.searchSteps; step++) {
			if (code.equals(totp.codeAt(step))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

}
