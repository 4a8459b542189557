package dev.mfaportal.credentials;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mfaportal.TestClock;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.Sealer;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceListSealTests {

	private static final Employee ALICE = CredentialsIssuerTests.ALICE;

	private static final String PHONE = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	private static final String KEY_FOB = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-fob";

	private final TestClock clock = new TestClock();

	private final DeviceListSeal seal = new DeviceListSeal(new Sealer(new byte[32], this.clock), this.clock);

	@Test
	void openWhenSameEmployeeWithinTheTtlThenGivesTheSealedSerials() {
		assertThat(this.seal.open(ALICE, this.seal.seal(ALICE, List.of(PHONE, KEY_FOB)))).isEqualTo(Set.of(PHONE, KEY_FOB));
		assertThat(this.seal.open(ALICE, this.seal.seal(ALICE, List.of()))).isEmpty();
	}

	@Test
	void openWhenAnotherEmployeeOrAnotherIamUserThenNothing() {
		String sealed = this.seal.seal(ALICE, List.of(PHONE));
		assertThat(this.seal.open(new Employee("bob", "Bob", "bob", Set.of("EMPLOYEE")), sealed)).isNull();
		assertThat(this.seal.open(new Employee("alice", "Alice", "alice-admin", Set.of("EMPLOYEE")), sealed)).isNull();
	}

	@Test
	void openWhenExpiredTamperedOrMissingThenNothing() {
		String sealed = this.seal.seal(ALICE, List.of(PHONE));
		byte[] bytes = Base64.getUrlDecoder().decode(sealed);
		bytes[bytes.length - 20] ^= 1;
		assertThat(this.seal.open(ALICE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isNull();
		assertThat(this.seal.open(ALICE, "")).isNull();
		assertThat(this.seal.open(ALICE, null)).isNull();
		this.clock.advance(DeviceListSeal.TTL.plus(Duration.ofSeconds(1)));
		assertThat(this.seal.open(ALICE, sealed)).isNull();
	}

	@Test
	void requestSealedAsTheirsOnlyWhenTheSerialIsInTheSeal() {
		IssueRequest request = new IssueRequest(PHONE, new dev.mfaportal.kernel.OneTimeCode("123456"),
				Duration.ofHours(1), null);
		assertThat(request.sealedAsTheirs()).isFalse();
		assertThat(request.withSealedDevices(Set.of(KEY_FOB)).sealedAsTheirs()).isFalse();
		assertThat(request.withSealedDevices(Set.of(PHONE, KEY_FOB)).sealedAsTheirs()).isTrue();
	}

}
