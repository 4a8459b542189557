package dev.mfaportal.aws;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

import org.springframework.stereotype.Component;

import dev.mfaportal.kernel.Secret;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * {@link MfaDevices} on IAM, signed by the portal's own identity. List calls read every page.
 */
@Component
class IamMfaDevices implements MfaDevices {

	private final IamClient iam;

	IamMfaDevices(IamClient iam) {
		this.iam = iam;
	}

	@Override
	public List<MfaDevice> listAssigned(String iamUserName) {
		return PortalCalls.call("ListMFADevices", () -> this.iam
			.listMFADevicesPaginator((request) -> request.userName(iamUserName))
			.mfaDevices()
			.stream()
			.map((device) -> new MfaDevice(device.serialNumber(), device.userName(), device.enableDate()))
			.toList());
	}

	@Override
	public List<UnassignedDevice> listUnassigned() {
		return PortalCalls.call("ListVirtualMFADevices", () -> this.iam
			.listVirtualMFADevicesPaginator((request) -> request.assignmentStatus(AssignmentStatusType.UNASSIGNED))
			.virtualMFADevices()
			.stream()
			.map((device) -> new UnassignedDevice(device.serialNumber()))
			.toList());
	}

	@Override
	public NewVirtualDevice create(String deviceName, String path, Map<String, String> tags) {
		List<Tag> awsTags = tags.entrySet()
			.stream()
			.map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
			.toList();
		VirtualMFADevice device = PortalCalls.call("CreateVirtualMFADevice", () -> this.iam
			.createVirtualMFADevice((request) -> request.virtualMFADeviceName(deviceName).path(path).tags(awsTags))
			.virtualMFADevice());
		// The SDK has already undone the wire's Base64: these bytes are the ASCII Base32 seed.
		return new NewVirtualDevice(device.serialNumber(),
				Secret.of(device.base32StringSeed().asString(StandardCharsets.US_ASCII)));
	}

	@Override
	public Map<String, String> tags(String serialNumber) {
		return PortalCalls.call("ListMFADeviceTags", () -> {
			Map<String, String> tags = new LinkedHashMap<>();
			this.iam.listMFADeviceTagsPaginator((request) -> request.serialNumber(serialNumber))
				.tags()
				.forEach((tag) -> tags.put(tag.key(), tag.value()));
			return tags;
		});
	}

	@Override
	public void enable(String iamUserName, String serialNumber, OneTimeCode code1, OneTimeCode code2) {
		PortalCalls.call("EnableMFADevice", () -> this.iam.enableMFADevice((request) -> request.userName(iamUserName)
			.serialNumber(serialNumber)
			.authenticationCode1(code1.digits())
			.authenticationCode2(code2.digits())
			.overrideConfiguration(NoRetries::apply)));
	}

	@Override
	public void resync(String iamUserName, String serialNumber, OneTimeCode code1, OneTimeCode code2) {
		PortalCalls.call("ResyncMFADevice", () -> this.iam.resyncMFADevice((request) -> request.userName(iamUserName)
			.serialNumber(serialNumber)
			.authenticationCode1(code1.digits())
			.authenticationCode2(code2.digits())
			.overrideConfiguration(NoRetries::apply)));
	}

	@Override
	public void deactivate(String iamUserName, String serialNumber) {
		PortalCalls.call("DeactivateMFADevice",
				() -> this.iam.deactivateMFADevice((request) -> request.userName(iamUserName).serialNumber(serialNumber)));
	}

	@Override
	public void delete(String serialNumber) {
		PortalCalls.call("DeleteVirtualMFADevice",
				() -> this.iam.deleteVirtualMFADevice((request) -> request.serialNumber(serialNumber)));
	}

}
