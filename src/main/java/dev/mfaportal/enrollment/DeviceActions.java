package dev.mfaportal.enrollment;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.enrollment.Removal.Outcome;
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

	private final EmployeeDevices employeeDevices;

	private final AuditLog audit;

	private final CodeAttempts attempts;

	DeviceActions(MfaDevices devices, EmployeeDevices employeeDevices, AuditLog audit, CodeAttempts attempts) {
		this.devices = devices;
		this.employeeDevices = employeeDevices;
		this.audit = audit;
		this.attempts = attempts;
	}

	/**
	 * @throws NotYourDeviceException when the serial is not one of the employee's devices
	 * @throws TooManyAttemptsException when the guard says no
	 * @throws EnrollmentException when the codes are refused or AWS fails
	 * @throws AwsCallException when AWS cannot list the employee's devices
	 */
	void resync(Employee employee, String serial, String code1, String code2, String sourceIp) {
		if (!this.employeeDevices.isTheirs(employee.iamUserName(), serial)) {
			throw notTheirs(employee, serial, "resync");
		}
		this.attempts.run(DeviceCodeFlows.RESYNC, CodeAttempt.of(employee, sourceIp, serial, code1, code2), (codes) -> {
			this.devices.resync(employee.iamUserName(), serial, codes.get(0), codes.get(1));
			return null;
		});
		this.audit.record(Audits.event("enrollment.resynced", AuditOutcome.SUCCESS, employee, serial));
	}

	/**
	 * Deactivates the device, then deletes it. Once deactivated it no longer protects the account, so a
	 * failed delete still counts as removed; the leftover is only clutter (the sweeper deletes it under the
	 * portal's path).
	 * @throws NotYourDeviceException when the serial is not one of the employee's devices
	 * @throws EnrollmentException when AWS could not list the devices or refused to deactivate
	 */
	void remove(Employee employee, String serial) {
		RemovalAudit rows = new RemovalAudit(
				Audits.event("enrollment.remove-requested", AuditOutcome.SUCCESS, employee, serial),
				Audits.event("enrollment.removed", AuditOutcome.SUCCESS, employee, serial),
				(step, problem) -> Audits.failure("enrollment.remove-failed", employee, serial, problem)
					.detail("step", step));
		Removal removal = this.employeeDevices.remove(employee.iamUserName(), serial, rows);
		if (removal.outcome() == Outcome.NOT_THEIRS) {
			throw notTheirs(employee, serial, "remove");
		}
		if (removal.outcome() == Outcome.NOT_CHECKED) {
			// Nothing was tried: the words of a plain failed listing, not those of a removal in doubt.
			throw EnrollmentException.fromAws("list", removal.problem());
		}
		if (removal.outcome() == Outcome.NOT_REMOVED) {
			throw EnrollmentException.fromAws("remove", removal.problem());
		}
	}

	private NotYourDeviceException notTheirs(Employee employee, String serial, String operation) {
		this.audit.record(Audits.denied(employee, serial, operation + "-of-a-device-not-theirs"));
		return new NotYourDeviceException();
	}

}
