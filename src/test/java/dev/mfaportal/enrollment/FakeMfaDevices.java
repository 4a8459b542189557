package dev.mfaportal.enrollment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.aws.NewVirtualDevice;
import dev.mfaportal.kernel.OneTimeCode;
import dev.mfaportal.kernel.Secret;
import dev.mfaportal.aws.UnassignedDevice;

/**
 * An in-memory {@link MfaDevices} for unit tests that records every call; the full-flow tests use the
 * sandbox AWS account instead.
 */
class FakeMfaDevices implements MfaDevices {

	static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	final List<String> calls = new ArrayList<>();

	final List<MfaDevice> assigned = new ArrayList<>();

	final Map<String, Map<String, String>> unassigned = new LinkedHashMap<>();

	AwsCallException failNextChange;

	AwsCallException failDelete;

	@Override
	public List<MfaDevice> listAssigned(String iamUserName) {
		this.calls.add("ListMFADevices " + iamUserName);
		return this.assigned.stream().filter((device) -> device.userName().equals(iamUserName)).toList();
	}

	@Override
	public List<UnassignedDevice> listUnassigned() {
		this.calls.add("ListVirtualMFADevices");
		return this.unassigned.keySet().stream().map(UnassignedDevice::new).toList();
	}

	@Override
	public NewVirtualDevice create(String deviceName, String path, Map<String, String> tags) {
		change("CreateVirtualMFADevice " + path + deviceName);
		String serial = "arn:aws:iam::123456789012:mfa" + path + deviceName;
		this.unassigned.put(serial, tags);
		return new NewVirtualDevice(serial, Secret.of(SEED));
	}

	@Override
	public Map<String, String> tags(String serialNumber) {
		this.calls.add("ListMFADeviceTags " + serialNumber);
		return this.unassigned.getOrDefault(serialNumber, Map.of());
	}

	@Override
	public void enable(String iamUserName, String serialNumber, OneTimeCode code1, OneTimeCode code2) {
		change("EnableMFADevice " + serialNumber);
	}

	@Override
	public void resync(String iamUserName, String serialNumber, OneTimeCode code1, OneTimeCode code2) {
		change("ResyncMFADevice " + serialNumber);
	}

	@Override
	public void deactivate(String iamUserName, String serialNumber) {
		change("DeactivateMFADevice " + serialNumber);
	}

	@Override
	public void delete(String serialNumber) {
		change("DeleteVirtualMFADevice " + serialNumber);
		if (this.failDelete != null) {
			throw this.failDelete;
		}
		if (this.unassigned.remove(serialNumber) == null) {
			throw new AwsCallException(Kind.NOT_FOUND, "gone", "NoSuchEntity", "req-1", null);
		}
	}

	private void change(String call) {
		this.calls.add(call);
		if (this.failNextChange != null) {
			AwsCallException failure = this.failNextChange;
			this.failNextChange = null;
			throw failure;
		}
	}

	/** The calls that change something in AWS, as opposed to reading. */
	List<String> changes() {
		return this.calls.stream().filter((call) -> !call.startsWith("List")).toList();
	}

}
