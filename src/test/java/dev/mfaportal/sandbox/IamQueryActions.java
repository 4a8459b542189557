package dev.mfaportal.sandbox;

import java.util.List;
import java.util.Map;

/**
 * The IAM actions that only read: list devices, list tags, the account alias, a user, the users under a
 * path. None of them ever returns a seed or a QR code; the list actions leave out tags.
 */
final class IamQueryActions {

	private final IamState iam;

	private final String alias;

	IamQueryActions(IamState iam, String alias) {
		this.iam = iam;
		this.alias = alias;
	}

	void register(Map<String, Action> actions) {
		actions.put("ListMFADevices", this::listMfaDevices);
		actions.put("ListVirtualMFADevices", this::listVirtualMfaDevices);
		actions.put("ListMFADeviceTags", this::listMfaDeviceTags);
		actions.put("ListAccountAliases", this::listAccountAliases);
		actions.put("GetUser", this::getUser);
		actions.put("ListUsers", this::listUsers);
	}

	private String listMfaDevices(AccessKeys.Key caller, FormParams params) {
		String userName = params.userNameOrSigner(caller);
		this.iam.existingUser(userName);
		return Page.write(params, "MFADevices", this.iam.devicesOf(userName), (xml, device) -> xml.open("member")
			.leaf("UserName", device.userName)
			.leaf("SerialNumber", device.serial)
			.leaf("EnableDate", device.enableDate)
			.close("member"));
	}

	private String listVirtualMfaDevices(AccessKeys.Key caller, FormParams params) {
		String status = (params.get("AssignmentStatus") != null) ? params.get("AssignmentStatus") : "Any";
		List<IamState.Device> devices = switch (status) {
			case "Assigned" -> this.iam.devices().stream().filter(IamState.Device::assigned).toList();
			case "Unassigned" -> this.iam.devices().stream().filter((device) -> !device.assigned()).toList();
			case "Any" -> this.iam.devices();
			default -> throw SandboxAwsError.validation("assignmentStatus", status,
					"Member must satisfy enum value set: [Unassigned, Any, Assigned]");
		};
		return Page.write(params, "VirtualMFADevices", devices, (xml, device) -> {
			xml.open("member").leaf("SerialNumber", device.serial);
			if (device.assigned()) {
				writeUser(xml, this.iam.existingUser(device.userName));
				xml.leaf("EnableDate", device.enableDate);
			}
			xml.close("member");
		});
	}

	private String listMfaDeviceTags(AccessKeys.Key caller, FormParams params) {
		String serial = Validation.serial("serialNumber", params.required("SerialNumber", "serialNumber"));
		IamState.Device device = this.iam.existingDevice(serial);
		return Page.write(params, "Tags", List.copyOf(device.tags.entrySet()),
				(xml, tag) -> xml.open("member").leaf("Key", tag.getKey()).leaf("Value", tag.getValue()).close("member"));
	}

	private String listAccountAliases(AccessKeys.Key caller, FormParams params) {
		return Page.write(params, "AccountAliases", List.of(this.alias), (xml, alias) -> xml.leaf("member", alias));
	}

	private String getUser(AccessKeys.Key caller, FormParams params) {
		String userName = params.userNameOrSigner(caller);
		Xml xml = new Xml();
		writeUser(xml, this.iam.existingUser(userName));
		return xml.toString();
	}

	/** The model's pathPrefixType: 1–512 characters, a slash then U+0021 to U+007F; default {@code /}. */
	private String listUsers(AccessKeys.Key caller, FormParams params) {
		String prefix = (params.get("PathPrefix") != null) ? params.get("PathPrefix") : "/";
		if (prefix.length() > 512 || !prefix.matches("/[\\u0021-\\u007F]*")) {
			throw SandboxAwsError.validation("pathPrefix", prefix,
					"Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
		}
		return Page.write(params, "Users", this.iam.usersUnder(prefix), (xml, user) -> {
			xml.open("member");
			writeUserFields(xml, user);
			xml.close("member");
		});
	}

	private void writeUser(Xml xml, IamState.User user) {
		xml.open("User");
		writeUserFields(xml, user);
		xml.close("User");
	}

	/** PasswordLastUsed is left out when the password was never used, or there is none (API_User). */
	private void writeUserFields(Xml xml, IamState.User user) {
		xml.leaf("Path", user.path())
			.leaf("UserName", user.name())
			.leaf("UserId", user.userId())
			.leaf("Arn", user.arn())
			.leaf("CreateDate", user.created())
			.leaf("PasswordLastUsed", this.iam.password(user.name()).map(IamState.Password::lastUsed).orElse(null));
	}

}
