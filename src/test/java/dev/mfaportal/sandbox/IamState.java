package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The IAM side of the sandbox account: its users (with their console passwords) and virtual MFA devices.
 * Callers hold the account's lock; this class is not thread-safe on its own.
 */
final class IamState {

	static final int DEVICES_PER_USER = 8;

	private final String accountId;

	/** IAM user names are unique regardless of case, and IAM finds a user however its name is written. */
	private final Map<String, User> users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private final Map<String, Password> passwords = new HashMap<>();

	private final Map<String, Device> devices = new LinkedHashMap<>();

	IamState(String accountId) {
		this.accountId = accountId;
	}

	String accountId() {
		return this.accountId;
	}

	/** Adds or replaces a user; the ARN includes the path: {@code user/employees/alice} (reference_identifiers). */
	void putUser(String name, String userId, String path, Instant created) {
		this.users.put(name, new User(name, userId, path, "arn:aws:iam::" + this.accountId + ":user" + path + name,
				created));
	}

	void removeUsersExcept(Set<String> names) {
		this.users.keySet().retainAll(names);
		this.passwords.clear();
	}

	void setPassword(String userName, Password password) {
		this.passwords.put(userName, password);
	}

	Optional<Password> password(String userName) {
		return Optional.ofNullable(this.passwords.get(userName));
	}

	Optional<User> user(String name) {
		return Optional.ofNullable(this.users.get(name));
	}

	User existingUser(String name) {
		return user(name).orElseThrow(
				() -> SandboxAwsError.noSuchEntity("The user with name " + name + " cannot be found."));
	}

	/**
	 * The users whose path starts with {@code pathPrefix}, by name. The order AWS lists users in is
	 * UNCONFIRMED; by name keeps pages stable.
	 */
	List<User> usersUnder(String pathPrefix) {
		return this.users.values()
			.stream()
			.filter((user) -> user.path().startsWith(pathPrefix))
			.sorted(Comparator.comparing(User::name))
			.toList();
	}

	Optional<Device> device(String serial) {
		return Optional.ofNullable(this.devices.get(serial));
	}

	Device existingDevice(String serial) {
		return device(serial).orElseThrow(() -> SandboxAwsError
			.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist."));
	}

	Device addDevice(String path, String name, String seed) {
		String serial = "arn:aws:iam::" + this.accountId + ":mfa" + path + name;
		if (this.devices.containsKey(serial)) {
			throw SandboxAwsError.alreadyExists("MFADevice entity at the same path and name already exists.");
		}
		Device device = new Device(serial, name, seed);
		this.devices.put(serial, device);
		return device;
	}

	void removeDevice(String serial) {
		this.devices.remove(serial);
	}

	List<Device> devices() {
		return new ArrayList<>(this.devices.values());
	}

	List<Device> devicesOf(String userName) {
		return this.devices.values().stream().filter((device) -> userName.equals(device.userName)).toList();
	}

	void clearDevices() {
		this.devices.clear();
	}

	/**
	 * An IAM user.
	 */
	record User(String name, String userId, String path, String arn, Instant created) {
	}

	/**
	 * A user's console password: when it was set, and when it was last used to sign in ({@code null}: never).
	 */
	record Password(Instant changed, Instant lastUsed) {
	}

	/**
	 * A virtual MFA device: its seed, to whom it is assigned, its tags (keys are case-sensitive) and the
	 * TOTP bookkeeping AWS keeps per device (the last step it accepted and the clock drift it learnt).
	 */
	static final class Device {

		final String serial;

		final String name;

		final String seed;

		final TreeMap<String, String> tags = new TreeMap<>();

		String userName;

		Instant enableDate;

		long lastAcceptedStep = Long.MIN_VALUE;

		long driftSteps;

		Device(String serial, String name, String seed) {
			this.serial = serial;
			this.name = name;
			this.seed = seed;
		}

		boolean assigned() {
			return this.userName != null;
		}

	}

}
