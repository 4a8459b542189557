package dev.mfaportal.enrollment;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.guard.CodeAttempt;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.CodeFlow;
import dev.mfaportal.guard.LocalRefusal;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;

/**
 * Step-up: before a device is added next to existing ones, or removed, the employee proves they hold one of
 * their devices, so a stolen portal password alone cannot change the MFA that protects the account. The
 * code goes through the pipeline (rate limit, claim, audit) to {@code GetSessionToken} for the shortest
 * session AWS issues; that session is dropped at once, never shown or logged. {@code ResyncMFADevice} would
 * need two codes and changes the device, so it is no check.
 */
@Component
class StepUp {

	static final CodeFlow FLOW = flow("step-up");

	/** The same when the portal mints the key: the employee is told about the code, never about a key. */
	static final CodeFlow KEYLESS_FLOW = flow("keyless-step-up");

	private static final Duration SHORTEST_SESSION = Duration.ofSeconds(900);

	private final CodeAttempts attempts;

	private final StepUpKeys keys;

	private final SessionTokens sessionTokens;

	private final AuditLog audit;

	StepUp(CodeAttempts attempts, StepUpKeys keys, SessionTokens sessionTokens, AuditLog audit) {
		this.attempts = attempts;
		this.keys = keys;
		this.sessionTokens = sessionTokens;
		this.audit = audit;
	}

	/**
	 * @param devices the employee's devices, just listed; the code must be one of theirs
	 * @param purpose what the step-up is for, in its audit rows: {@code add-device}, {@code remove-device}
	 * @throws TooManyAttemptsException over the wrong-code limit (audited)
	 * @throws EnrollmentException for any other refusal (audited with its reason)
	 */
	void verify(Employee employee, DeviceList devices, StepUpInput input, String sourceIp, String purpose) {
		String serial = chosenDevice(devices, input);
		CodeAttempt attempt = CodeAttempt.of(employee, sourceIp, serial, input.code())
			.withAuditDetail("purpose", purpose)
			.checkedBy((codes) -> devices.contains(serial) ? Optional.empty()
					: Optional.of(LocalRefusal.of("not-your-device")));
		CodeFlow flow = this.keys.asksForKey() ? FLOW : KEYLESS_FLOW;
		try {
			this.keys.signWith(employee, input, (key) -> this.attempts.run(flow, attempt, (codes) -> this.keys
				.send(() -> this.sessionTokens.issue(key, serial, codes.get(0), SHORTEST_SESSION))));
		}
		catch (StepUpKeyException ex) {
			this.audit.record(Audits.failure(FLOW.failed(), employee, serial, ex.reason()).detail("purpose", purpose));
			throw EnrollmentException.of("enrollment.step-up." + ex.reason());
		}
		this.audit.record(Audits.event("enrollment.step-up-verified", AuditOutcome.SUCCESS, employee, serial)
			.detail("purpose", purpose));
	}

	private static CodeFlow flow(String operation) {
		return CodeFlow.of("enrollment.step-up-requested", "enrollment.step-up-failed",
				(ex) -> AwsRefusal.of(ex.kind()).reason(), (refusal) -> EnrollmentException.refused(operation, refusal));
	}

	/** The one device there is when the form did not say; otherwise the form's choice. */
	private static String chosenDevice(DeviceList devices, StepUpInput input) {
		if ((input.serial() == null || input.serial().isBlank()) && devices.devices().size() == 1) {
			return devices.devices().get(0).serialNumber();
		}
		return (input.serial() != null) ? input.serial().strip() : "";
	}

}
