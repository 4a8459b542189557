package dev.mfaportal.enrollment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	// RFC 6238 appendix B: the SHA-1 key "12345678901234567890", here as AWS would send it (Base32).
	private final Totp totp = Totp.ofBase32Seed("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

	@Test
	void codeAtMatchesRfc6238TestVectorsTruncatedToSixDigits() {
		assertThat(this.totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(this.totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(this.totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
		assertThat(this.totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(this.totp.codeAt(Totp.stepAt(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void stepAtWhenWithinOneThirtySecondWindowThenSameStep() {
		assertThat(Totp.stepAt(Instant.ofEpochSecond(60))).isEqualTo(2);
		assertThat(Totp.stepAt(Instant.ofEpochSecond(89))).isEqualTo(2);
		assertThat(Totp.stepAt(Instant.ofEpochSecond(90))).isEqualTo(3);
	}

}
