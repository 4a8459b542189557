package dev.mfaportal.enrollment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mfaportal.kernel.Sealer;
import dev.mfaportal.kernel.Secret;
import dev.mfaportal.enrollment.EnrollmentTokenException.Reason;
import dev.mfaportal.identity.Employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnrollmentSealTests {

	private static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private static final Instant CREATED = Instant.parse("2026-11-28T12:00:00Z");

	private final Employee alice = new Employee("alice", "Alice", "alice", Set.of("EMPLOYEE"));

	private final PendingEnrollment pending = new PendingEnrollment(
			"arn:aws:iam::123456789012:mfa/mfa-portal/alice-x", "alice", "alice", Secret.of(SEED), CREATED,
			Set.of("arn:aws:iam::123456789012:mfa/alice-old"));

	private final byte[] key = new byte[32];

	@Test
	void unsealWhenSameEmployeeWithinLifetimeThenSameEnrollment() {
		String token = sealAt(CREATED);
		PendingEnrollment opened = sealAt(CREATED.plusSeconds(599), token);
		assertThat(opened.serialNumber()).isEqualTo(this.pending.serialNumber());
		assertThat(opened.seed().reveal()).isEqualTo(SEED);
		assertThat(opened.createdAt()).isEqualTo(CREATED);
		assertThat(opened.devicesAtStart()).containsExactly("arn:aws:iam::123456789012:mfa/alice-old");
	}

	@Test
	void sealWhenSealedThenTokenHoldsNoReadableSeedOrSerial() {
		String token = sealAt(CREATED);
		String bytes = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
		assertThat(token).doesNotContain(SEED).doesNotContain("alice");
		assertThat(bytes).doesNotContain(SEED).doesNotContain("mfa-portal");
	}

	@Test
	void unsealWhenOneCharacterChangedThenTampered() {
		String token = sealAt(CREATED);
		char[] chars = token.toCharArray();
		int middle = chars.length / 2;
		chars[middle] = (chars[middle] == 'A') ? 'B' : 'A';
		assertRefused(new String(chars), this.alice, CREATED, Reason.TAMPERED);
	}

	@Test
	void unsealWhenNotATokenThenTampered() {
		assertRefused("not a token!", this.alice, CREATED, Reason.TAMPERED);
		assertRefused("", this.alice, CREATED, Reason.TAMPERED);
	}

	@Test
	void unsealWhenSealedUnderAnotherKeyThenTampered() {
		byte[] otherKey = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
				26, 27, 28, 29, 30, 31, 32 };
		String token = new EnrollmentSeal(new Sealer(otherKey, Clock.fixed(CREATED, ZoneOffset.UTC)),
				Duration.ofMinutes(10))
			.seal(this.pending);
		assertRefused(token, this.alice, CREATED, Reason.TAMPERED);
	}

	@Test
	void unsealWhenAnotherEmployeeThenRefusedAsOtherEmployee() {
		Employee bob = new Employee("bob", "Bob", "bob", Set.of("EMPLOYEE"));
		assertRefused(sealAt(CREATED), bob, CREATED, Reason.OTHER_EMPLOYEE);
	}

	@Test
	void unsealWhenSamePortalUserMappedToAnotherIamUserThenRefusedAsOtherEmployee() {
		Employee remapped = new Employee("alice", "Alice", "alice-admin", Set.of("EMPLOYEE"));
		assertRefused(sealAt(CREATED), remapped, CREATED, Reason.OTHER_EMPLOYEE);
	}

	@Test
	void unsealWhenOlderThanLifetimeThenExpiredWithSerialForCleanUp() {
		EnrollmentTokenException refused = assertRefused(sealAt(CREATED), this.alice, CREATED.plusSeconds(601),
				Reason.EXPIRED);
		assertThat(refused.serialNumber()).isEqualTo(this.pending.serialNumber());
	}

	private String sealAt(Instant now) {
		return seal(now).seal(this.pending);
	}

	private PendingEnrollment sealAt(Instant now, String token) {
		return seal(now).unseal(token, this.alice);
	}

	private EnrollmentSeal seal(Instant now) {
		return new EnrollmentSeal(new Sealer(this.key, Clock.fixed(now, ZoneOffset.UTC)), Duration.ofMinutes(10));
	}

	private EnrollmentTokenException assertRefused(String token, Employee employee, Instant now, Reason reason) {
		EnrollmentTokenException[] thrown = new EnrollmentTokenException[1];
		assertThatExceptionOfType(EnrollmentTokenException.class)
			.isThrownBy(() -> seal(now).unseal(token, employee))
			.satisfies((ex) -> thrown[0] = ex)
			.extracting(EnrollmentTokenException::reason)
			.isEqualTo(reason);
		return thrown[0];
	}

}
