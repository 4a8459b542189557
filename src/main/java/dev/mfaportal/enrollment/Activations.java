package dev.mfaportal.enrollment;

import java.time.Clock;
import java.util.List;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.guard.CodeAttempt;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * Activates a started enrollment through the code pipeline: its local check is {@link CodeCheck} on the
 * token's seed, and its AWS step {@code EnableMFADevice}, one activation per IAM user at a time.
 */
class Activations {

	private final MfaDevices devices;

	private final AuditLog audit;

	private final CodeAttempts attempts;

	private final EnrollmentTokens tokens;

	private final CodeCheck codeCheck;

	private final EnrollmentLocks locks;

	private final Enrollments enrollments;

	private final Clock clock;

	Activations(MfaDevices devices, AuditLog audit, CodeAttempts attempts, EnrollmentTokens tokens,
			CodeCheck codeCheck, EnrollmentLocks locks, Enrollments enrollments, Clock clock) {
		this.devices = devices;
		this.audit = audit;
		this.attempts = attempts;
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
		PendingEnrollment pending = this.tokens.open(employee, token, DeviceCodeFlows.ACTIVATION.failed());
		Totp totp = Totp.ofBase32Seed(pending.seed().reveal());
		CodeAttempt attempt = CodeAttempt.of(employee, sourceIp, pending.serialNumber(), code1, code2)
			.checkedBy((codes) -> this.codeCheck.check(totp, codes.get(0), codes.get(1), this.clock.instant())
				.refusal());
		this.attempts.run(DeviceCodeFlows.ACTIVATION, attempt, (codes) -> this.locks
			.whileActivating(employee.iamUserName(), () -> enableUnlessDone(employee, pending, codes)));
		this.audit.record(Audits.event("enrollment.activated", AuditOutcome.SUCCESS, employee, pending.serialNumber()));
		return pending;
	}

	private Void enableUnlessDone(Employee employee, PendingEnrollment pending, List<OneTimeCode> codes) {
		String serial = pending.serialNumber();
		List<String> assigned = this.devices.listAssigned(employee.iamUserName())
			.stream()
			.map(MfaDevice::serialNumber)
			.toList();
		if (assigned.contains(serial)) {
			// An earlier attempt timed out after AWS had enabled the device: it is done.
			return null;
		}
		boolean anotherFinished = assigned.stream().anyMatch((other) -> !pending.devicesAtStart().contains(other));
		if (anotherFinished) {
			// S19: an enrollment started alongside this one was activated first; keep only that one.
			this.audit.record(Audits.failure(DeviceCodeFlows.ACTIVATION.failed(), employee, serial,
					"another-enrollment-finished"));
			this.enrollments.deleteAbandoned(employee, serial, "another-enrollment-finished");
			throw EnrollmentException.startAgain("enrollment.activate.another-finished");
		}
		this.devices.enable(employee.iamUserName(), serial, codes.get(0), codes.get(1));
		return null;
	}

}
