package dev.mfaportal.enrollment;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import dev.mfaportal.enrollment.CodeVerdict.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class CodeCheckTests {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:10Z");

	private final Totp totp = Totp.ofBase32Seed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

	private final CodeCheck check = new CodeCheck(1, 30);

	private final long nowStep = Totp.stepAt(NOW);

	@Test
	void checkWhenCurrentAndPreviousCodeThenPlausible() {
		assertThat(verdict(code(-1), code(0)).kind()).isEqualTo(Kind.PLAUSIBLE);
	}

	@Test
	void checkWhenPhoneOneStepAheadThenStillPlausible() {
		assertThat(verdict(code(0), code(1)).kind()).isEqualTo(Kind.PLAUSIBLE);
	}

	@Test
	void checkWhenCodesNotConsecutiveThenSaysSo() {
		assertThat(verdict(code(-2), code(0)).kind()).isEqualTo(Kind.NOT_CONSECUTIVE);
		assertThat(verdict(code(0), code(-1)).kind()).isEqualTo(Kind.NOT_CONSECUTIVE);
	}

	@Test
	void checkWhenCodesAMinuteOldThenTooLate() {
		assertThat(verdict(code(-3), code(-2)).kind()).isEqualTo(Kind.TOO_LATE);
	}

	@Test
	void checkWhenPhoneNinetySecondsFastThenNamesTheOffset() {
		CodeVerdict verdict = verdict(code(2), code(3));
		assertThat(verdict.kind()).isEqualTo(Kind.CLOCK_OFFSET);
		assertThat(verdict.offsetSeconds()).isEqualTo(90);
		assertThat(message(verdict)).contains("your phone's clock is about 90 seconds fast");
	}

	@Test
	void checkWhenPhoneFiveMinutesSlowThenNamesTheOffsetInMinutes() {
		CodeVerdict verdict = verdict(code(-11), code(-10));
		assertThat(verdict.offsetSeconds()).isEqualTo(-300);
		assertThat(message(verdict)).contains("your phone's clock is about 5 minutes slow");
	}

	@Test
	void checkWhenCodesMatchNothingNearNowThenNoMatchAndCountsAsWrong() {
		String wrong1 = unusedCode(0);
		String wrong2 = unusedCode(1);
		CodeVerdict verdict = verdict(wrong1, wrong2);
		assertThat(verdict.kind()).isEqualTo(Kind.NO_MATCH);
		assertThat(verdict.countsAsWrongCode()).isTrue();
		assertThat(verdict(code(2), code(3)).countsAsWrongCode()).isFalse();
	}

	@Test
	void checkWhenCodesBeyondTheSearchRangeThenNoMatch() {
		assertThat(verdict(code(40), code(41)).kind()).isEqualTo(Kind.NO_MATCH);
	}

	private CodeVerdict verdict(String code1, String code2) {
		return this.check.check(this.totp, code1, code2, NOW);
	}

	private String code(long stepsFromNow) {
		return this.totp.codeAt(this.nowStep + stepsFromNow);
	}

	/** A six-digit code that this seed does not show anywhere in the search range. */
	private String unusedCode(int start) {
		for (int candidate = start; ; candidate += 2) {
			String code = String.format("%06d", candidate);
			boolean used = false;
			for (long step = -31; step <= 31 && !used; step++) {
				used = code.equals(code(step));
			}
			if (!used) {
				return code;
			}
		}
	}

	private static String message(CodeVerdict verdict) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages.getMessage(verdict.message(), Locale.ENGLISH);
	}

}
