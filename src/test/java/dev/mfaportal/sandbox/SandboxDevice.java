package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one virtual MFA device in the sandbox account (never its seed: ask
 * {@link SandboxDevices#seedOf(String)} for that).
 *
 * @param userName the IAM user it is assigned to, or {@code null} when unassigned
 * @param enabledAt when it was enabled, or {@code null} when unassigned
 * @param tags its tags, sorted by key
 */
public record SandboxDevice(String serialNumber, String userName, Instant enabledAt, Map<String, String> tags) {

	public boolean assigned() {
		return this.userName != null;
	}

}
