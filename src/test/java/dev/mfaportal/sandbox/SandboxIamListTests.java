package dev.mfaportal.sandbox;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sandbox's IAM tags, lists and account facts, driven through the real SDK client.
 */
class SandboxIamListTests {

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

	@Test
	void tagsAreSortedByKeyCaseSensitiveAndOverwritten() {
		String serial = this.iam.createVirtualMFADevice((request) -> request.virtualMFADeviceName("tagged")
			.tags(Tag.builder().key("b").value("1").build(), Tag.builder().key("B").value("2").build()))
			.virtualMFADevice()
			.serialNumber();
		this.iam.tagMFADevice((request) -> request.serialNumber(serial).tags(Tag.builder().key("b").value("3").build(),
				Tag.builder().key("a").value("4").build()));
		List<Tag> tags = this.iam.listMFADeviceTags((request) -> request.serialNumber(serial)).tags();
		assertThat(tags).extracting(Tag::key, Tag::value)
			.containsExactly(tuple("B", "2"), tuple("a", "4"),
					tuple("b", "3"));
		assertThat(account.devices().tags(serial)).isEqualTo(Map.of("B", "2", "a", "4", "b", "3"));
	}

	@Test
	void reservedTagPrefixIsInvalidInputAndCreatesNothing() {
		assertThatExceptionOfType(IamException.class)
			.isThrownBy(() -> this.iam.createVirtualMFADevice((request) -> request.virtualMFADeviceName("bad")
				.tags(Tag.builder().key("aws:owner").value("x").build())))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
		assertThat(account.devices().all()).isEmpty();
	}

	@Test
	void listVirtualDevicesFiltersByAssignmentAndPaginates() {
		account.devices().createEnabled("alice", "/mfa-portal/", "enabled");
		for (int i = 0; i < 3; i++) {
			account.devices().create("/mfa-portal/", "pending-" + i, Map.of());
		}
		ListVirtualMfaDevicesResponse first = this.iam.listVirtualMFADevices(
				(request) -> request.assignmentStatus(AssignmentStatusType.UNASSIGNED).maxItems(2));
		assertThat(first.virtualMFADevices()).hasSize(2).allSatisfy((device) -> assertThat(device.user()).isNull());
		assertThat(first.isTruncated()).isTrue();
		ListVirtualMfaDevicesResponse second = this.iam.listVirtualMFADevices((request) -> request
			.assignmentStatus(AssignmentStatusType.UNASSIGNED).maxItems(2).marker(first.marker()));
		assertThat(second.virtualMFADevices()).hasSize(1);
		assertThat(second.isTruncated()).isFalse();
		assertThat(second.marker()).isNull();
		assertThat(this.iam.listVirtualMFADevicesPaginator((request) -> request.assignmentStatus(AssignmentStatusType.ASSIGNED))
			.virtualMFADevices()
			.stream()
			.toList()).singleElement().satisfies((device) -> assertThat(device.user().userName()).isEqualTo("alice"));
		assertThat(this.iam.listVirtualMFADevicesPaginator((request) -> { }).virtualMFADevices().stream().count()).isEqualTo(4);
	}

	@Test
	void accountAliasAndUserAreReported() {
		assertThat(this.iam.listAccountAliases().accountAliases()).containsExactly("mfa-portal-sandbox");
		assertThat(this.iam.getUser((request) -> request.userName("alice")).user().arn())
			.isEqualTo("arn:aws:iam::123456789012:user/employees/alice");
		assertThat(this.iam.getUser().user().userName()).isEqualTo(SandboxAccount.PORTAL_USER);
	}

}
