package dev.mfaportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The IAM actions that change virtual MFA devices: create, enable, resync, deactivate, delete, tag.
 */
final class IamDeviceActions {

	private final IamState iam;

	private final Supplier<Instant> totpClock;

	IamDeviceActions(IamState iam, Supplier<Instant> totpClock) {
		this.iam = iam;
		this.totpClock = totpClock;
	}

	void register(Map<String, Action> actions) {
		actions.put("CreateVirtualMFADevice", this::create);
		actions.put("EnableMFADevice", this::enable);
		actions.put("ResyncMFADevice", this::resync);
		actions.put("DeactivateMFADevice", this::deactivate);
		actions.put("DeleteVirtualMFADevice", this::delete);
		actions.put("TagMFADevice", this::tag);
	}

	private String create(AccessKeys.Key caller, FormParams params) {
		String name = Validation.name("virtualMFADeviceName",
				params.required("VirtualMFADeviceName", "virtualMFADeviceName"));
		String path = Validation.path((params.get("Path") != null) ? params.get("Path") : "/");
		List<Map.Entry<String, String>> tags = params.tags("Tags");
		Validation.tags(tags);
		String seed = Totp.newSeed();
		IamState.Device device = this.iam.addDevice(path, name, seed);
		tags.forEach((tag) -> device.tags.put(tag.getKey(), tag.getValue()));
		Base64.Encoder base64 = Base64.getEncoder();
		return new Xml().open("VirtualMFADevice")
			.leaf("SerialNumber", device.serial)
			.leaf("Base32StringSeed", base64.encodeToString(seed.getBytes(StandardCharsets.US_ASCII)))
			.leaf("QRCodePNG", base64.encodeToString(QrCode.png(name, this.iam.accountId(), seed)))
			.close("VirtualMFADevice")
			.toString();
	}

	private String enable(AccessKeys.Key caller, FormParams params) {
		IamState.User user = this.iam.existingUser(Validation.name("userName", params.required("UserName", "userName")));
		IamState.Device device = this.iam.existingDevice(codeCarrying(params));
		if (device.assigned()) {
			throw SandboxAwsError.alreadyExists("MFA Device is already in use.");
		}
		if (this.iam.devicesOf(user.name()).size() >= IamState.DEVICES_PER_USER) {
			throw SandboxAwsError.limitExceeded("Cannot exceed quota for MFADevicesPerUser: " + IamState.DEVICES_PER_USER);
		}
		if (!CodeChecker.acceptPair(device, params.get("AuthenticationCode1"), params.get("AuthenticationCode2"),
				this.totpClock.get())) {
			throw SandboxAwsError.invalidAuthenticationCode();
		}
		device.userName = user.name();
		device.enableDate = Instant.now();
		return null;
	}

	private String resync(AccessKeys.Key caller, FormParams params) {
		IamState.User user = this.iam.existingUser(Validation.name("userName", params.required("UserName", "userName")));
		IamState.Device device = deviceOf(user.name(), codeCarrying(params));
		if (!CodeChecker.acceptPair(device, params.get("AuthenticationCode1"), params.get("AuthenticationCode2"),
				this.totpClock.get())) {
			throw SandboxAwsError.invalidAuthenticationCode();
		}
		return null;
	}

	/** Validates the four parameters Enable and Resync share and returns the serial number. */
	private static String codeCarrying(FormParams params) {
		String serial = Validation.serial("serialNumber", params.required("SerialNumber", "serialNumber"));
		Validation.code("authenticationCode1", params.required("AuthenticationCode1", "authenticationCode1"));
		Validation.code("authenticationCode2", params.required("AuthenticationCode2", "authenticationCode2"));
		return serial;
	}

	private String deactivate(AccessKeys.Key caller, FormParams params) {
		String userName = params.userNameOrSigner(caller);
		this.iam.existingUser(userName);
		String serial = Validation.serial("serialNumber", params.required("SerialNumber", "serialNumber"));
		IamState.Device device = deviceOf(userName, serial);
		device.userName = null;
		device.enableDate = null;
		return null;
	}

	private IamState.Device deviceOf(String userName, String serial) {
		return this.iam.device(serial)
			.filter((device) -> userName.equals(device.userName))
			.orElseThrow(() -> SandboxAwsError.noSuchEntity("MFA Device with serial number " + serial
					+ " does not exist or is not assigned to user " + userName + "."));
	}

	private String delete(AccessKeys.Key caller, FormParams params) {
		String serial = Validation.serial("serialNumber", params.required("SerialNumber", "serialNumber"));
		IamState.Device device = this.iam.existingDevice(serial);
		if (device.assigned()) {
			throw SandboxAwsError.deleteConflict("MFA VirtualDevice in use. Must deactivate first.");
		}
		this.iam.removeDevice(serial);
		return null;
	}

	private String tag(AccessKeys.Key caller, FormParams params) {
		String serial = Validation.serial("serialNumber", params.required("SerialNumber", "serialNumber"));
		List<Map.Entry<String, String>> tags = params.tags("Tags");
		if (tags.isEmpty()) {
			throw SandboxAwsError.validation("tags", "[]", "Member must have length greater than or equal to 1");
		}
		Validation.tags(tags);
		IamState.Device device = this.iam.existingDevice(serial);
		long added = tags.stream().filter((tag) -> !device.tags.containsKey(tag.getKey())).count();
		if (device.tags.size() + added > 50) {
			throw SandboxAwsError.limitExceeded("The number of tags has reached the maximum limit.");
		}
		tags.forEach((tag) -> device.tags.put(tag.getKey(), tag.getValue()));
		return null;
	}

}
