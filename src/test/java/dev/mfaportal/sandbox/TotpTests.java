package dev.mfaportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** RFC 6238 appendix B's SHA-1 key, "12345678901234567890", in Base32. */
	private static final String RFC_SEED = Totp.base32Encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void codeMatchesRfc6238TestVectorsTruncatedToSixDigits() {
		assertThat(RFC_SEED).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(SandboxAccount.totp(RFC_SEED, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(SandboxAccount.totp(RFC_SEED, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(SandboxAccount.totp(RFC_SEED, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void newSeedIsSixtyFourBase32CharactersThatRoundTrip() {
		String seed = Totp.newSeed();
		assertThat(seed).hasSize(64).matches("[A-Z2-7]+");
		assertThat(Totp.base32Encode(Totp.base32Decode(seed))).isEqualTo(seed);
	}

}
