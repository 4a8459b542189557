package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The sandbox account's virtual MFA devices, for tests: what exists, their seeds and codes, and shortcuts
 * to set a scene (a device created or enabled without going through the portal).
 */
public final class SandboxDevices {

	private final IamState iam;

	private final Object lock;

	private final Supplier<Instant> totpClock;

	SandboxDevices(IamState iam, Object lock, Supplier<Instant> totpClock) {
		this.iam = iam;
		this.lock = lock;
		this.totpClock = totpClock;
	}

	/** The devices assigned to an IAM user (what {@code ListMFADevices} lists). */
	public List<SandboxDevice> of(String iamUserName) {
		synchronized (this.lock) {
			return this.iam.devicesOf(iamUserName).stream().map(SandboxDevices::snapshot).toList();
		}
	}

	/** The devices assigned to nobody. */
	public List<SandboxDevice> unassigned() {
		synchronized (this.lock) {
			return this.iam.devices().stream().filter((device) -> !device.assigned()).map(SandboxDevices::snapshot).toList();
		}
	}

	/** Every device in the account. */
	public List<SandboxDevice> all() {
		synchronized (this.lock) {
			return this.iam.devices().stream().map(SandboxDevices::snapshot).toList();
		}
	}

	public Optional<SandboxDevice> find(String serialNumber) {
		synchronized (this.lock) {
			return this.iam.device(serialNumber).map(SandboxDevices::snapshot);
		}
	}

	/** A device's tags, sorted by key. */
	public Map<String, String> tags(String serialNumber) {
		return find(serialNumber).orElseThrow().tags();
	}

	/** The Base32 seed of a device (the portal never keeps it; only a test may ask). */
	public String seedOf(String serialNumber) {
		synchronized (this.lock) {
			return this.iam.device(serialNumber).orElseThrow().seed;
		}
	}

	/** Creates an unassigned device directly, as {@code CreateVirtualMFADevice} would; returns its serial. */
	public String create(String path, String name, Map<String, String> tags) {
		synchronized (this.lock) {
			IamState.Device device = this.iam.addDevice(path, name, Totp.newSeed());
			device.tags.putAll(tags);
			return device.serial;
		}
	}

	/** Creates a device already enabled for an IAM user, with no code used yet; returns its serial. */
	public String createEnabled(String iamUserName, String path, String name) {
		synchronized (this.lock) {
			this.iam.existingUser(iamUserName);
			IamState.Device device = this.iam.addDevice(path, name, Totp.newSeed());
			device.userName = iamUserName;
			device.enableDate = Instant.now();
			return device.serial;
		}
	}

	/** The code a phone showing this device would display at {@code at}. */
	public String codeAt(String serialNumber, Instant at) {
		return Totp.code(seedOf(serialNumber), at);
	}

	/**
	 * A code {@code GetSessionToken} accepts now and still accepts after the next 30-second boundary: the
	 * current step's (as the device's drift sees it), or the next one's when the current one was used.
	 * @throws IllegalStateException when both are used up (wait for the next step)
	 */
	public String freshCode(String serialNumber) {
		synchronized (this.lock) {
			IamState.Device device = this.iam.device(serialNumber).orElseThrow();
			long current = Totp.step(this.totpClock.get()) + device.driftSteps;
			for (long step = current; step <= current + CodeChecker.SINGLE_CODE_WINDOW; step++) {
				if (step > device.lastAcceptedStep) {
					return Totp.code(device.seed, step);
				}
			}
			throw new IllegalStateException("Every code in the window was used; wait for the next 30-second step");
		}
	}

	/**
	 * Two consecutive codes {@code EnableMFADevice} or {@code ResyncMFADevice} accepts now: the previous
	 * and the current step, as a person waiting for a second code would type them, or later ones when those
	 * were used.
	 */
	public List<String> freshCodePair(String serialNumber) {
		synchronized (this.lock) {
			IamState.Device device = this.iam.device(serialNumber).orElseThrow();
			long step = Math.max(Totp.step(this.totpClock.get()) - 1, device.lastAcceptedStep + 1);
			return List.of(Totp.code(device.seed, step), Totp.code(device.seed, step + 1));
		}
	}

	private static SandboxDevice snapshot(IamState.Device device) {
		return new SandboxDevice(device.serial, device.userName, device.enableDate,
				Collections.unmodifiableSortedMap(new TreeMap<>(device.tags)));
	}

}
