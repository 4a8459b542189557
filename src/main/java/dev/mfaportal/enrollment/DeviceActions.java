package dev.mfaportal.enrollment;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.guard.CodeAttempt;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;

/**
 * Resync and removal of an enabled device. Both act only on a serial found among the signed-in employee's
 * own devices; any other serial is refused and audited before any AWS change (S6).
 */
class DeviceActions {

	private final MfaDevices devices;

	private final AuditLog audit;

	private final CodeAttempts attempts;

	DeviceActions(MfaDevices devices, AuditLog audit, CodeAttempts attempts) {
		this.devices = devices;
		this.audit = audit;
		this.attempts = attempts;
	}

	/**
	 * @throws NotYourDeviceException when the serial is not one of the employee's devices
	 * @throws TooManyAttemptsException when the guard says no
	 * @throws EnrollmentException when the codes are refused or AWS fails
	 */
	void resync(Employee employee, String serial, String code1, String code2, String sourceIp) {
		ensureOwn(employee, serial, "resync");
		this.attempts.run(DeviceCodeFlows.RESYNC, CodeAttempt.of(employee, sourceIp, serial, code1, code2), (codes) -> {
			this.devices.resync(employee.iamUserName(), serial, codes.get(0), codes.get(1));
			return null;
		});
		this.audit.record(Audits.event("enrollment.resynced", AuditOutcome.SUCCESS, employee, serial));
	}

	/**
	 * Deactivates the device, then deletes it. A device that stays behind unassigned (delete failed) under the
	 * portal's path is left to the sweeper.
	 */
	void remove(Employee employee, String serial) {
		ensureOwn(employee, serial, "remove");
		this.audit.record(Audits.event("enrollment.removed", AuditOutcome.SUCCESS, employee, serial));
		try {
			this.devices.deactivate(employee.iamUserName(), serial);
		}
		catch (AwsCallException ex) {
			this.audit.record(Audits.failure("enrollment.remove-failed", employee, serial, ex));
			throw EnrollmentException.fromAws("remove", ex);
		}
		try {
			this.devices.delete(serial);
		}
		catch (AwsCallException ex) {
			// Deactivated is what protects the account; the leftover is only clutter. Deleted meanwhile is
			// removed all the same.
			if (!ex.is(AwsCallException.Kind.NOT_FOUND)) {
				this.audit.record(Audits.failure("enrollment.remove-failed", employee, serial, ex)
					.detail("step", "delete"));
			}
		}
	}

	private void ensureOwn(Employee employee, String serial, String operation) {
		boolean own = serial != null && this.devices.listAssigned(employee.iamUserName())
			.stream()
			.anyMatch((device) -> device.serialNumber().equals(serial));
		if (!own) {
			this.audit.record(Audits.denied(employee, serial, operation + "-of-a-device-not-theirs"));
			throw new NotYourDeviceException();
		}
	}

}
