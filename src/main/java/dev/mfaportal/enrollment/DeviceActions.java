package dev.mfaportal.enrollment;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.enrollment.Removal.Outcome;
import dev.mfaportal.guard.CodeAttempt;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.MfaSerialNumbers;

/**
 * Resync and removal of an enabled device. Both act only on a serial found among the signed-in employee's
 * own devices; any other serial is refused and audited before any AWS change (S6).
 */
class DeviceActions {

	private final MfaDevices devices;

	private final EmployeeDevices employeeDevices;

	private final AuditLog audit;

	private final CodeAttempts attempts;

	private final StepUp stepUp;

	DeviceActions(MfaDevices devices, EmployeeDevices employeeDevices, AuditLog audit, CodeAttempts attempts,
			StepUp stepUp) {
		this.devices = devices;
		this.employeeDevices = employeeDevices;
		this.audit = audit;
		this.attempts = attempts;
		this.stepUp = stepUp;
	}

	/**
	 * S33: a serial that is not an IAM MFA ARN never reaches AWS; the refusal is recorded (the audit log caps
	 * the value) and answered with 400.
	 * @param operation {@code resync} or {@code remove}, naming the failure row
	 * @throws ResponseStatusException with 400 for such a serial
	 */
	void refuseUnlessMfaArn(Employee employee, String serial, String operation) {
		if (!MfaSerialNumbers.isIamMfaArn(serial)) {
			this.audit.record(Audits.failure("enrollment." + operation + "-failed", employee, serial,
					"serial-not-an-mfa-arn"));
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
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
	 * Removes the device once the employee has proved, with a current code of any of their devices (this one
	 * included), that they hold one: a portal password alone does not take MFA away.
	 * @throws NotYourDeviceException when the serial is not one of the employee's devices
	 * @throws TooManyAttemptsException over the wrong-code limit
	 * @throws EnrollmentException when AWS could not list the devices, the step-up was refused, or AWS refused
	 * to deactivate
	 */
	void removeAfterStepUp(Employee employee, String serial, StepUpInput input, String sourceIp) {
		DeviceList assigned = removable(employee, serial);
		this.stepUp.verify(employee, assigned, input, sourceIp, "remove-device");
		remove(employee, serial);
	}

	/**
	 * The employee's devices, which include {@code serial}.
	 * @throws NotYourDeviceException (audited) when they do not
	 * @throws EnrollmentException when AWS could not list them
	 */
	DeviceList removable(Employee employee, String serial) {
		DeviceList assigned = listed(employee);
		if (!assigned.contains(serial)) {
			throw notTheirs(employee, serial, "remove");
		}
		return assigned;
	}

	/** The employee's devices, or the words of a failed listing. */
	DeviceList listed(Employee employee) {
		DeviceList assigned = this.employeeDevices.list(employee.iamUserName());
		if (assigned.problem() != null) {
			throw EnrollmentException.fromAws("list", assigned.problem());
		}
		return assigned;
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
				Audits.event("enrollment.remove-requested", AuditOutcome.ATTEMPTED, employee, serial),
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
