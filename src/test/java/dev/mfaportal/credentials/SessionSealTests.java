package dev.mfaportal.credentials;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.mfaportal.kernel.SealRefusedException;
import dev.mfaportal.kernel.Sealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionSealTests {

	static final byte[] KEY = new byte[32];

	private final IssuedSession session = CredentialFilesTests.session("secret-key", "session-token");

	private final SessionSeal seal = new SessionSeal(new Sealer(KEY, at("2026-11-28T13:00:01Z")));

	static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	@Test
	void openGivesBackWhatWasSealed() {
		IssuedSession opened = this.seal.open(this.seal.seal(this.session), "alice");
		assertThat(opened).isEqualTo(this.session);
		assertThat(opened.secretAccessKey().reveal()).isEqualTo("secret-key");
	}

	@Test
	void sealHidesTheSecrets() {
		String sealed = this.seal.seal(this.session);
		String decoded = new String(Base64.getUrlDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(sealed + decoded).doesNotContain("secret-key").doesNotContain("session-token")
			.doesNotContain("ASIAEXAMPLE");
	}

	@Test
	void openWhenAnotherEmployeeThenRefuses() {
		String sealed = this.seal.seal(this.session);
		assertRefused(() -> this.seal.open(sealed, "bob"), false);
	}

	@Test
	void openWhenTamperedThenRefuses() {
		byte[] bytes = Base64.getUrlDecoder().decode(this.seal.seal(this.session));
		bytes[bytes.length - 20] ^= 1;
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		assertRefused(() -> this.seal.open(tampered, "alice"), false);
		assertRefused(() -> this.seal.open("not base64 !", "alice"), false);
		assertRefused(() -> this.seal.open("AAAA", "alice"), false);
	}

	@Test
	void openWhenSealedUnderAnotherKeyThenRefuses() {
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		String sealed = new SessionSeal(new Sealer(otherKey, at("2026-11-28T13:00:01Z"))).seal(this.session);
		assertRefused(() -> this.seal.open(sealed, "alice"), false);
	}

	@Test
	void openWhenCredentialsExpiredThenSaysExpired() {
		String sealed = this.seal.seal(this.session);
		SessionSeal later = new SessionSeal(new Sealer(KEY, at("2026-11-29T01:00:00Z")));
		assertRefused(() -> later.open(sealed, "alice"), true);
	}

	private static void assertRefused(Runnable open, boolean expired) {
		assertThatExceptionOfType(SealRefusedException.class).isThrownBy(open::run)
			.satisfies((ex) -> assertThat(ex.expired()).isEqualTo(expired));
	}

}
