package dev.mfaportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidAuthenticationCodeException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sandbox's IAM device lifecycle (create, enable, resync, deactivate, delete), driven through the real
 * SDK client.
 */
class SandboxIamTests {

	private static final SandboxAccount account = SandboxAccount.start();

	private final IamClient iam = new SandboxClients(account).portalIam();

	@BeforeEach
	void reset() {
		account.reset();
	}

	@AfterAll
	static void stop() {
		account.close();
	}

	private CreateVirtualMfaDeviceResponse create(String name) {
		return this.iam.createVirtualMFADevice((request) -> request.virtualMFADeviceName(name).path("/mfa-portal/"));
	}

	private void enable(String user, String serial) {
		List<String> codes = account.devices().freshCodePair(serial);
		this.iam.enableMFADevice((request) -> request.userName(user)
			.serialNumber(serial)
			.authenticationCode1(codes.get(0))
			.authenticationCode2(codes.get(1)));
	}

	@Test
	void createReturnsSerialUnderPathAndSeedAsBase64OfBase32Text() {
		VirtualMFADevice device = create("alice-phone").virtualMFADevice();
		assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone");
		String seed = device.base32StringSeed().asString(StandardCharsets.US_ASCII);
		assertThat(seed).hasSize(64).matches("[A-Z2-7]+").isEqualTo(account.devices().seedOf(device.serialNumber()));
		assertThat(device.qrCodePNG().asByteArray()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(account.devices().unassigned()).extracting(SandboxDevice::serialNumber).containsExactly(device.serialNumber());
	}

	@Test
	void enableWithTwoConsecutiveCodesAssignsTheDevice() {
		String serial = create("alice-phone").virtualMFADevice().serialNumber();
		String seed = account.devices().seedOf(serial);
		long step = Totp.step(account.now());
		this.iam.enableMFADevice((request) -> request.userName("alice")
			.serialNumber(serial)
			.authenticationCode1(Totp.code(seed, step - 1))
			.authenticationCode2(Totp.code(seed, step)));
		List<MFADevice> listed = this.iam.listMFADevices((request) -> request.userName("alice")).mfaDevices();
		assertThat(listed).singleElement().satisfies((device) -> {
			assertThat(device.serialNumber()).isEqualTo(serial);
			assertThat(device.userName()).isEqualTo("alice");
			assertThat(device.enableDate()).isNotNull();
		});
		assertThat(account.devices().of("alice")).extracting(SandboxDevice::serialNumber).containsExactly(serial);
	}

	@Test
	void enableWithTheSameCodeTwiceIsInvalidAuthenticationCode() {
		String serial = create("alice-phone").virtualMFADevice().serialNumber();
		String code = account.devices().codeAt(serial, account.now());
		assertThatExceptionOfType(InvalidAuthenticationCodeException.class)
			.isThrownBy(() -> this.iam.enableMFADevice((request) -> request.userName("alice")
				.serialNumber(serial)
				.authenticationCode1(code)
				.authenticationCode2(code)))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Authentication code for device is not valid.");
				assertThat(ex.requestId()).isNotBlank();
			});
		assertThat(account.devices().of("alice")).isEmpty();
	}

	@Test
	void enableWithCodesOfAnotherSeedIsInvalidAuthenticationCode() {
		String serial = create("alice-phone").virtualMFADevice().serialNumber();
		String other = Totp.newSeed();
		long step = Totp.step(account.now());
		assertThatExceptionOfType(InvalidAuthenticationCodeException.class)
			.isThrownBy(() -> this.iam.enableMFADevice((request) -> request.userName("alice")
				.serialNumber(serial)
				.authenticationCode1(Totp.code(other, step - 1))
				.authenticationCode2(Totp.code(other, step))));
	}

	@Test
	void resyncRefusesCodesAlreadyUsedAndAcceptsLaterOnes() {
		String serial = create("alice-phone").virtualMFADevice().serialNumber();
		List<String> used = account.devices().freshCodePair(serial);
		this.iam.enableMFADevice((request) -> request.userName("alice")
			.serialNumber(serial)
			.authenticationCode1(used.get(0))
			.authenticationCode2(used.get(1)));
		assertThatExceptionOfType(InvalidAuthenticationCodeException.class)
			.isThrownBy(() -> this.iam.resyncMFADevice((request) -> request.userName("alice")
				.serialNumber(serial)
				.authenticationCode1(used.get(0))
				.authenticationCode2(used.get(1))));
		List<String> fresh = account.devices().freshCodePair(serial);
		this.iam.resyncMFADevice((request) -> request.userName("alice")
			.serialNumber(serial)
			.authenticationCode1(fresh.get(0))
			.authenticationCode2(fresh.get(1)));
	}

	@Test
	void createWithTakenNameIsEntityAlreadyExists() {
		create("alice-phone");
		assertThatExceptionOfType(EntityAlreadyExistsException.class).isThrownBy(() -> create("alice-phone"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(409));
	}

	@Test
	void enableOfAnAssignedDeviceIsEntityAlreadyExists() {
		String serial = create("shared").virtualMFADevice().serialNumber();
		enable("alice", serial);
		assertThatExceptionOfType(EntityAlreadyExistsException.class).isThrownBy(() -> enable("bob", serial));
	}

	@Test
	void ninthDeviceOfAUserIsLimitExceeded() {
		for (int i = 1; i <= 8; i++) {
			account.devices().createEnabled("alice", "/mfa-portal/", "alice-" + i);
		}
		String ninth = create("alice-9").virtualMFADevice().serialNumber();
		assertThatExceptionOfType(LimitExceededException.class).isThrownBy(() -> enable("alice", ninth))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(409));
		assertThat(account.devices().of("alice")).hasSize(8);
	}

	@Test
	void deleteOfAnAssignedDeviceIsDeleteConflictUntilDeactivated() {
		String serial = create("alice-phone").virtualMFADevice().serialNumber();
		enable("alice", serial);
		assertThatExceptionOfType(DeleteConflictException.class)
			.isThrownBy(() -> this.iam.deleteVirtualMFADevice((request) -> request.serialNumber(serial)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(409));
		this.iam.deactivateMFADevice((request) -> request.userName("alice").serialNumber(serial));
		assertThat(account.devices().find(serial)).hasValueSatisfying((device) -> assertThat(device.assigned()).isFalse());
		this.iam.deleteVirtualMFADevice((request) -> request.serialNumber(serial));
		assertThat(account.devices().all()).isEmpty();
	}

	@Test
	void deactivateOfAnotherUsersDeviceIsNoSuchEntity() {
		String serial = account.devices().createEnabled("bob", "/mfa-portal/", "bob-phone");
		assertThatExceptionOfType(NoSuchEntityException.class)
			.isThrownBy(() -> this.iam.deactivateMFADevice((request) -> request.userName("alice").serialNumber(serial)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		assertThat(account.devices().of("bob")).hasSize(1);
	}

	@Test
	void unknownUserOrDeviceIsNoSuchEntity() {
		assertThatExceptionOfType(NoSuchEntityException.class)
			.isThrownBy(() -> this.iam.listMFADevices((request) -> request.userName("mallory")));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.iam
			.deleteVirtualMFADevice((request) -> request.serialNumber("arn:aws:iam::123456789012:mfa/nothing")));
	}

	@Test
	void invalidDeviceNameIsValidationError() {
		assertThatExceptionOfType(IamException.class).isThrownBy(() -> create("alice phone!"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
			});
	}

}
