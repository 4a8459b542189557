package dev.mfaportal.enrollment;

import java.time.Clock;
import java.util.List;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.kernel.OneTimeCode;
import dev.mfaportal.guard.CodeAlreadyUsedException;
import dev.mfaportal.guard.CodeGuard;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;

/**
 * Activates a started enrollment: the guard, the local code check, then {@code EnableMFADevice}. Only
 * plausible codes reach AWS, and the audit row is written before the call.
 */
class Activations {

	private static final String FAILED = "enrollment.activation-failed";

	private final MfaDevices devices;

	private final AuditLog audit;

	private final CodeGuard guard;

	private final EnrollmentTokens tokens;

	private final CodeCheck codeCheck;

	private final EnrollmentLocks locks;

	private final Enrollments enrollments;

	private final Clock clock;

	Activations(MfaDevices devices, AuditLog audit, CodeGuard guard, EnrollmentTokens tokens, CodeCheck codeCheck,
			EnrollmentLocks locks, Enrollments enrollments, Clock clock) {
		this.devices = devices;
		this.audit = audit;
		this.guard = guard;
		this.tokens = tokens;
		this.codeCheck = codeCheck;
		this.locks = locks;
		this.enrollments = enrollments;
		this.clock = clock;
	}

	/**
	 * @throws TooManyAttemptsException when the guard says no (answered with 429)
	 * @throws EnrollmentException for anything else that stops the activation
	 * @throws NotYourDeviceException for another employee's token
	 */
	PendingEnrollment activate(Employee employee, String token, String code1, String code2, String sourceIp) {
		PendingEnrollment pending = this.tokens.open(employee, token, FAILED);
		String serial = pending.serialNumber();
		try {
			this.guard.ensureAllowed(employee.username(), sourceIp);
		}
		catch (TooManyAttemptsException ex) {
			this.audit.record(Audits.event(FAILED, AuditOutcome.DENIED, employee, serial)
				.detail("reason", "too-many-attempts"));
			throw ex;
		}
		CodeVerdict verdict = this.codeCheck.check(Totp.ofBase32Seed(pending.seed().reveal()), code1, code2,
				this.clock.instant());
		if (!verdict.plausible()) {
			this.audit.record(Audits.failure(FAILED, employee, serial, verdict.reason()));
			if (verdict.countsAsWrongCode()) {
				this.guard.recordWrongCode(employee.username(), sourceIp);
			}
			throw new EnrollmentException(verdict.message(), false, null);
		}
		claim(employee, serial, code1, code2);
		this.locks.whileActivating(employee.iamUserName(), () -> enable(employee, pending, code1, code2, sourceIp));
		return pending;
	}

	/** S15: a second submission of the same codes (a double click, a replay) never reaches AWS. */
	private void claim(Employee employee, String serial, String code1, String code2) {
		try {
			this.guard.claim(serial, code1);
			this.guard.claim(serial, code2);
		}
		catch (CodeAlreadyUsedException ex) {
			this.audit.record(Audits.failure(FAILED, employee, serial, "code-already-used"));
			throw EnrollmentException.of("enrollment.code.already-used");
		}
	}

	private Void enable(Employee employee, PendingEnrollment pending, String code1, String code2, String sourceIp) {
		String serial = pending.serialNumber();
		List<String> assigned;
		try {
			assigned = this.devices.listAssigned(employee.iamUserName()).stream().map(MfaDevice::serialNumber).toList();
		}
		catch (AwsCallException ex) {
			this.audit.record(Audits.failure(FAILED, employee, serial, ex));
			throw AwsFailures.toEnrollmentException("activate", ex);
		}
		if (assigned.contains(serial)) {
			// An earlier attempt timed out after AWS had enabled the device: it is done.
			return null;
		}
		boolean anotherFinished = assigned.stream().anyMatch((other) -> !pending.devicesAtStart().contains(other));
		if (anotherFinished) {
			// S19: an enrollment started alongside this one was activated first; keep only that one.
			this.audit.record(Audits.failure(FAILED, employee, serial, "another-enrollment-finished"));
			this.enrollments.deleteAbandoned(employee, serial, "another-enrollment-finished");
			throw EnrollmentException.startAgain("enrollment.activate.another-finished");
		}
		this.audit.record(Audits.event("enrollment.activated", AuditOutcome.SUCCESS, employee, serial));
		try {
			this.devices.enable(employee.iamUserName(), serial, new OneTimeCode(code1), new OneTimeCode(code2));
		}
		catch (AwsCallException ex) {
			this.audit.record(Audits.failure(FAILED, employee, serial, ex));
			if (ex.is(AwsCallException.Kind.WRONG_CODE)) {
				this.guard.recordWrongCode(employee.username(), sourceIp);
			}
			throw AwsFailures.toEnrollmentException("activate", ex);
		}
		return null;
	}

}
