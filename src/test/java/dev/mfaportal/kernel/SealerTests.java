package dev.mfaportal.kernel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.mfaportal.kernel.SealRefusedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SealerTests {

	private static final byte[] KEY = new byte[32];

	private static final Instant SEALED = Instant.parse("2026-11-28T12:00:00Z");

	private static final Instant EXPIRES = SEALED.plusSeconds(600);

	private static final byte[] CONTENTS = "seed JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.UTF_8);

	private final String token = at(SEALED).seal("enrollment", "alice", EXPIRES, CONTENTS);

	@Test
	void openWhenSamePurposeAndEmployeeBeforeExpiryThenWhatWasSealed() {
		assertThat(at(EXPIRES.minusSeconds(1)).open("enrollment", "alice", this.token)).isEqualTo(CONTENTS);
	}

	@Test
	void sealWhenSealedThenUrlSafeAndNeitherContentsNorEmployeeReadable() {
		String decoded = new String(Base64.getUrlDecoder().decode(this.token), StandardCharsets.ISO_8859_1);
		assertThat(this.token).matches("[A-Za-z0-9_-]+");
		assertThat(this.token + decoded).doesNotContain("JBSWY3DP").doesNotContain("alice").doesNotContain("enrollment");
	}

	@Test
	void sealWhenSameValueSealedTwiceThenDifferentTokens() {
		assertThat(at(SEALED).seal("enrollment", "alice", EXPIRES, CONTENTS)).isNotEqualTo(this.token);
	}

	@Test
	void openWhenAnyByteChangedThenInvalid() {
		byte[] bytes = Base64.getUrlDecoder().decode(this.token);
		for (int i = 0; i < bytes.length; i++) {
			byte[] tampered = bytes.clone();
			tampered[i] ^= 1;
			assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered), "alice", SEALED,
					Reason.INVALID);
		}
	}

	@Test
	void openWhenSealedForAnotherPurposeThenInvalid() {
		assertThatExceptionOfType(SealRefusedException.class)
			.isThrownBy(() -> at(SEALED).open("credentials-download", "alice", this.token))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INVALID))
			.satisfies((ex) -> assertThat(ex.authenticContents()).isEmpty());
	}

	@Test
	void openWhenSealedForAnotherEmployeeThenOtherEmployeeAndContentsOnlyForTheAudit() {
		SealRefusedException refused = assertRefused(this.token, "bob", SEALED, Reason.OTHER_EMPLOYEE);
		assertThat(refused.expired()).isFalse();
		assertThat(refused.authenticContents()).contains(CONTENTS);
	}

	@Test
	void openWhenExpiryReachedThenExpiredWithContents() {
		SealRefusedException refused = assertRefused(this.token, "alice", EXPIRES, Reason.EXPIRED);
		assertThat(refused.expired()).isTrue();
		assertThat(refused.authenticContents()).contains(CONTENTS);
	}

	@Test
	void openWhenSealedByAClockMoreThanAMinuteAheadThenExpired() {
		assertRefused(this.token, "alice", SEALED.minusSeconds(61), Reason.EXPIRED);
		assertThat(at(SEALED.minusSeconds(59)).open("enrollment", "alice", this.token)).isEqualTo(CONTENTS);
	}

	@Test
	void openWhenUnknownVersionThenInvalid() {
		byte[] bytes = Base64.getUrlDecoder().decode(this.token);
		bytes[0] = 2;
		assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "alice", SEALED, Reason.INVALID);
	}

	@Test
	void openWhenSealedUnderAnotherKeyThenInvalid() {
		byte[] otherKey = new byte[32];
		otherKey[31] = 1;
		String foreign = new Sealer(otherKey, clock(SEALED)).seal("enrollment", "alice", EXPIRES, CONTENTS);
		assertRefused(foreign, "alice", SEALED, Reason.INVALID);
	}

	@Test
	void openWhenNotATokenThenInvalid() {
		assertRefused("not a token!", "alice", SEALED, Reason.INVALID);
		assertRefused("", "alice", SEALED, Reason.INVALID);
		assertRefused(this.token.substring(0, 40), "alice", SEALED, Reason.INVALID);
	}

	@Test
	void openWhenRefusedThenMessageNamesOnlyTheReason() {
		SealRefusedException refused = assertRefused(this.token, "bob", SEALED, Reason.OTHER_EMPLOYEE);
		assertThat(refused).hasMessage("Sealed token refused: OTHER_EMPLOYEE");
		assertThat(refused.toString()).doesNotContain(this.token).doesNotContain("JBSWY3DP");
	}

	@Test
	void constructionWhenKeyNot256BitsThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Sealer(new byte[16], clock(SEALED)));
	}

	private static SealRefusedException assertRefused(String token, String employee, Instant now, Reason reason) {
		SealRefusedException[] thrown = new SealRefusedException[1];
		assertThatExceptionOfType(SealRefusedException.class)
			.isThrownBy(() -> at(now).open("enrollment", employee, token))
			.satisfies((ex) -> thrown[0] = ex)
			.extracting(SealRefusedException::reason)
			.isEqualTo(reason);
		return thrown[0];
	}

	private static Sealer at(Instant now) {
		return new Sealer(KEY, clock(now));
	}

	private static Clock clock(Instant now) {
		return Clock.fixed(now, ZoneOffset.UTC);
	}

}
