package dev.mfaportal.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxDevice;
import dev.mfaportal.sandbox.SandboxFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.aws.AwsCallException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.mfaportal.kernel.OneTimeCode;

/**
 * {@link IamMfaDevices} against the sandbox account, through the real SDK client.
 */
class IamMfaDevicesTests {

	private final SandboxedAws aws = new SandboxedAws();

	private final SandboxAccount account = this.aws.account;

	private final MfaDevices devices = this.aws.mfaDevices();

	@BeforeEach
	void reset() {
		this.account.reset();
	}

	private List<OneTimeCode> codes(String serial) {
		return this.account.devices().freshCodePair(serial).stream().map(OneTimeCode::new).toList();
	}

	@Test
	void createReturnsSerialAndTheBase32SeedWithTags() {
		NewVirtualDevice device = this.devices.create("alice-1", "/mfa-portal/", Map.of("created-by", "mfa-portal"));
		assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/mfa-portal/alice-1");
		assertThat(device.base32Seed().reveal()).isEqualTo(this.account.devices().seedOf(device.serialNumber()));
		assertThat(device.toString()).doesNotContain(device.base32Seed().reveal());
		assertThat(this.devices.tags(device.serialNumber())).isEqualTo(Map.of("created-by", "mfa-portal"));
	}

	@Test
	void createWithTakenNameIsAlreadyExists() {
		this.devices.create("alice-1", "/mfa-portal/", Map.of());
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.devices.create("alice-1", "/mfa-portal/", Map.of()))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.ALREADY_EXISTS))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo("EntityAlreadyExists");
				assertThat(ex.requestId()).isNotBlank();
			});
	}

	@Test
	void enableAssignsAndListAssignedShowsIt() {
		String serial = this.devices.create("alice-1", "/mfa-portal/", Map.of()).serialNumber();
		List<OneTimeCode> codes = codes(serial);
		this.devices.enable("alice", serial, codes.get(0), codes.get(1));
		assertThat(this.devices.listAssigned("alice")).singleElement().satisfies((device) -> {
			assertThat(device.serialNumber()).isEqualTo(serial);
			assertThat(device.userName()).isEqualTo("alice");
			assertThat(device.enabledAt()).isNotNull();
		});
		assertThat(this.devices.listUnassigned()).isEmpty();
	}

	@Test
	void enableWithWrongCodesIsWrongCode() {
		String serial = this.devices.create("alice-1", "/mfa-portal/", Map.of()).serialNumber();
		OneTimeCode same = new OneTimeCode(this.account.devices().codeAt(serial, this.account.now()));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.devices.enable("alice", serial, same, same))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.WRONG_CODE))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("InvalidAuthenticationCode"));
	}

	@Test
	void enableOfANinthDeviceIsLimitExceeded() {
		for (int i = 0; i < 8; i++) {
			this.account.devices().createEnabled("alice", "/mfa-portal/", "alice-" + i);
		}
		String serial = this.devices.create("alice-9", "/mfa-portal/", Map.of()).serialNumber();
		List<OneTimeCode> codes = codes(serial);
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.devices.enable("alice", serial, codes.get(0), codes.get(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.LIMIT_EXCEEDED));
	}

	@Test
	void enableIsNeverRetriedEvenWhenTheAttemptTimesOut() {
		SandboxedAws impatient = new SandboxedAws(Duration.ofMillis(300), 3);
		String serial = this.devices.create("alice-1", "/mfa-portal/", Map.of()).serialNumber();
		List<OneTimeCode> codes = codes(serial);
		this.account.inject(SandboxFault.latency(Duration.ofMillis(1000)).onlyFor("EnableMFADevice"));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> impatient.mfaDevices().enable("alice", serial, codes.get(0), codes.get(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
		assertThat(this.account.requestCount("EnableMFADevice")).isEqualTo(1);
	}

	@Test
	void resyncAcceptsTwoFreshCodes() {
		String serial = this.account.devices().createEnabled("alice", "/mfa-portal/", "alice-1");
		List<OneTimeCode> codes = codes(serial);
		this.devices.resync("alice", serial, codes.get(0), codes.get(1));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.devices.resync("alice", serial, codes.get(0), codes.get(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.WRONG_CODE));
		assertThat(this.account.requestCount("ResyncMFADevice")).isEqualTo(2);
	}

	@Test
	void deleteOfAnAssignedDeviceIsInUseUntilDeactivated() {
		String serial = this.account.devices().createEnabled("alice", "/mfa-portal/", "alice-1");
		assertThatExceptionOfType(AwsCallException.class).isThrownBy(() -> this.devices.delete(serial))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.IN_USE));
		this.devices.deactivate("alice", serial);
		assertThat(this.devices.listUnassigned()).extracting(UnassignedDevice::serialNumber).containsExactly(serial);
		this.devices.delete(serial);
		assertThat(this.account.devices().all()).isEmpty();
	}

	@Test
	void deactivateOfAnotherUsersDeviceIsNotFound() {
		String serial = this.account.devices().createEnabled("bob", "/mfa-portal/", "bob-1");
		assertThatExceptionOfType(AwsCallException.class).isThrownBy(() -> this.devices.deactivate("alice", serial))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
		assertThat(this.account.devices().of("bob")).extracting(SandboxDevice::serialNumber).containsExactly(serial);
	}

	@Test
	void listsReadEveryPage() {
		for (int i = 0; i < 8; i++) {
			this.account.devices().createEnabled("alice", "/mfa-portal/", "alice-" + i);
		}
		for (int i = 0; i < 120; i++) {
			this.account.devices().create("/mfa-portal/", "pending-" + i, Map.of());
		}
		assertThat(this.devices.listAssigned("alice")).hasSize(8);
		assertThat(this.devices.listUnassigned()).hasSize(120);
		assertThat(this.account.requestCount("ListVirtualMFADevices")).isEqualTo(2);
	}

	@Test
	void throttlingThatOutlastsTheRetriesIsUnavailable() {
		this.account.inject(SandboxFault.throttling());
		assertThatExceptionOfType(AwsCallException.class).isThrownBy(() -> this.devices.listAssigned("alice"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("Throttling"));
		assertThat(this.account.requestCount("ListMFADevices")).isEqualTo(3);
	}

	@Test
	void droppedConnectionIsUnavailable() {
		this.account.inject(SandboxFault.droppedConnection());
		assertThatExceptionOfType(AwsCallException.class).isThrownBy(() -> this.devices.delete("arn:aws:iam::123456789012:mfa/x"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.errorCode()).isNull());
	}

}
