package dev.mfaportal.enrollment;

import java.util.regex.Pattern;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.kernel.OneTimeCode;
import dev.mfaportal.guard.CodeAlreadyUsedException;
import dev.mfaportal.guard.CodeGuard;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;

/**
 * Resync and removal of an enabled device. Both act only on a serial found among the signed-in employee's
 * own devices; any other serial is refused and audited before any AWS change (S6).
 */
class DeviceActions {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

	private final MfaDevices devices;

	private final AuditLog audit;

	private final CodeGuard guard;

	DeviceActions(MfaDevices devices, AuditLog audit, CodeGuard guard) {
		this.devices = devices;
		this.audit = audit;
		this.guard = guard;
	}

	/**
	 * @throws NotYourDeviceException when the serial is not one of the employee's devices
	 * @throws TooManyAttemptsException when the guard says no
	 * @throws EnrollmentException when the codes are refused or AWS fails
	 */
	void resync(Employee employee, String serial, String code1, String code2, String sourceIp) {
		ensureOwn(employee, serial, "resync");
		try {
			this.guard.ensureAllowed(employee.username(), sourceIp);
		}
		catch (TooManyAttemptsException ex) {
			this.audit.record(Audits.event("enrollment.resync-failed", AuditOutcome.DENIED, employee, serial)
				.detail("reason", "too-many-attempts"));
			throw ex;
		}
		String refusal = checkFormat(code1, code2);
		if (refusal != null) {
			this.audit.record(Audits.failure("enrollment.resync-failed", employee, serial, refusal));
			throw EnrollmentException.of("enrollment.code." + refusal);
		}
		try {
			this.guard.claim(serial, code1);
			this.guard.claim(serial, code2);
		}
		catch (CodeAlreadyUsedException ex) {
			this.audit.record(Audits.failure("enrollment.resync-failed", employee, serial, "code-already-used"));
			throw EnrollmentException.of("enrollment.code.already-used");
		}
		this.audit.record(Audits.event("enrollment.resynced", AuditOutcome.SUCCESS, employee, serial));
		try {
			this.devices.resync(employee.iamUserName(), serial, new OneTimeCode(code1), new OneTimeCode(code2));
		}
		catch (AwsCallException ex) {
			this.audit.record(Audits.failure("enrollment.resync-failed", employee, serial, ex));
			if (ex.is(AwsCallException.Kind.WRONG_CODE)) {
				this.guard.recordWrongCode(employee.username(), sourceIp);
			}
			throw AwsFailures.toEnrollmentException("resync", ex);
		}
	}

	private static String checkFormat(String code1, String code2) {
		if (code1 == null || code2 == null || !SIX_DIGITS.matcher(code1).matches()
				|| !SIX_DIGITS.matcher(code2).matches()) {
			return "not-six-digits";
		}
		return code1.equals(code2) ? "same-code-twice" : null;
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
			throw AwsFailures.toEnrollmentException("remove", ex);
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
