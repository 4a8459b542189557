package dev.mfaportal.enrollment;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Base32Tests {

	@Test
	void decodeWhenRfc4648VectorsThenOriginalBytes() {
		assertThat(decode("")).isEmpty();
		assertThat(decode("MY")).isEqualTo("f");
		assertThat(decode("MZXQ")).isEqualTo("fo");
		assertThat(decode("MZXW6")).isEqualTo("foo");
		assertThat(decode("MZXW6YQ")).isEqualTo("foob");
		assertThat(decode("MZXW6YTB")).isEqualTo("fooba");
		assertThat(decode("MZXW6YTBOI")).isEqualTo("foobar");
	}

	@Test
	void decodeWhenLowerCaseGroupedOrPaddedThenSameBytes() {
		assertThat(decode("mzxw 6ytb oi======")).isEqualTo("foobar");
	}

	@Test
	void decodeWhenCharacterOutsideAlphabetThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW1"));
	}

	private static String decode(String text) {
		return new String(Base32.decode(text), StandardCharsets.US_ASCII);
	}

}
