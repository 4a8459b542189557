package dev.mfaportal.helpdesk;

import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.sandbox.SandboxAccount;

/**
 * The help desk's case for flow tests: the demo's IAM users in the sandbox account, one of whom has a device
 * they lost, which the test removes through the portal (or not) and {@link #removeIfLeft()} takes away after.
 */
public final class LostDevice {

	private final SandboxAccount sandbox;

	private final MfaDevices devices;

	private final String iamUser;

	private final String serial;

	private LostDevice(SandboxAccount sandbox, MfaDevices devices, String iamUser, String serial) {
		this.sandbox = sandbox;
		this.devices = devices;
		this.iamUser = iamUser;
		this.serial = serial;
	}

	/** An enabled device of {@code iamUser} under the portal's path, with a name no other test uses. */
	public static LostDevice of(SandboxAccount sandbox, MfaDevices devices, String iamUser) {
		DemoIdentityProvider.addIamUsers(sandbox);
		String serial = sandbox.devices().createEnabled(iamUser, "/mfa-portal/", iamUser + "-lost-" + System.nanoTime());
		return new LostDevice(sandbox, devices, iamUser, serial);
	}

	public String serial() {
		return this.serial;
	}

	public boolean present() {
		return this.sandbox.devices().find(this.serial).isPresent();
	}

	public void removeIfLeft() {
		if (present()) {
			this.devices.deactivate(this.iamUser, this.serial);
			this.devices.delete(this.serial);
		}
	}

}
