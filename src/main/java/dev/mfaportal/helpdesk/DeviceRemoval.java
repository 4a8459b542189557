package dev.mfaportal.helpdesk;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.enrollment.Removal;
import dev.mfaportal.enrollment.RemovalAudit;
import dev.mfaportal.kernel.MfaSerialNumbers;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lost-phone case: an admin removes an employee's device through enrollment's removal (the device must
 * be the employee's; deactivate, then delete). The attempt is recorded before AWS is touched (fail closed,
 * S21: no record, no change), then the result. Every row names the admin (portal user), the employee (IAM
 * user), the device and the reason.
 */
@Component
class DeviceRemoval {

	/** Reasons are free text; this is plenty for "lost phone, ticket HD-1234". */
	static final int REASON_MAX_LENGTH = 500;

	private final EmployeeDevices devices;

	private final AuditLog audit;

	DeviceRemoval(EmployeeDevices devices, AuditLog audit) {
		this.devices = devices;
		this.audit = audit;
	}

	/**
	 * S33: a serial that is not an IAM MFA ARN never reaches AWS; the refusal is recorded (the audit log caps
	 * the value) and answered with 400.
	 */
	void refuseUnlessMfaArn(String admin, String iamUser, String serialNumber) {
		if (!MfaSerialNumbers.isIamMfaArn(serialNumber)) {
			this.audit.record(AuditEvent.of("helpdesk.device-removal-failed", AuditOutcome.FAILURE)
				.portalUser(admin)
				.iamUser(iamUser)
				.mfaSerial(serialNumber)
				.detail("reason", "serial-not-an-mfa-arn"));
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	/** The reason as recorded: trimmed and capped; empty when none was given. */
	static String reason(@Nullable String given) {
		String reason = (given != null) ? given.strip() : "";
		return (reason.length() > REASON_MAX_LENGTH) ? reason.substring(0, REASON_MAX_LENGTH).strip() : reason;
	}

	/**
	 * A removal the portal refused before asking AWS anything (no reason, no recent sign-in, not the
	 * employee's device): recorded with why, and with the admin's reason when one was given.
	 */
	void refused(String admin, String iamUser, String serialNumber, String reason, String why) {
		AuditEvent refused = AuditEvent.of("helpdesk.device-removal-refused", AuditOutcome.DENIED)
			.portalUser(admin)
			.iamUser(iamUser)
			.mfaSerial(serialNumber)
			.detail("refusal", why);
		this.audit.record(reason.isEmpty() ? refused : refused.detail("reason", reason));
	}

	/** @param reason as {@link #reason(String)} gives it, not empty */
	Removal remove(String admin, String iamUser, String serialNumber, String reason) {
		String shortReason = reason(reason);
		AuditEvent subject = AuditEvent.of("", AuditOutcome.SUCCESS)
			.portalUser(admin)
			.iamUser(iamUser)
			.mfaSerial(serialNumber)
			.detail("reason", shortReason)
			.detail("admin", admin)
			.detail("employee", iamUser);
		RemovalAudit rows = new RemovalAudit(as("helpdesk.device-removal-started", AuditOutcome.ATTEMPTED, subject),
				as("helpdesk.device-removed", AuditOutcome.SUCCESS, subject), (step, problem) -> {
					AuditEvent failed = as("helpdesk.device-removal-failed", AuditOutcome.FAILURE, subject)
						.awsRequestId(problem.requestId())
						.detail("step", step);
					return (problem.errorCode() != null) ? failed.detail("errorCode", problem.errorCode()) : failed;
				});
		return this.devices.remove(iamUser, serialNumber, rows);
	}

	private static AuditEvent as(String action, AuditOutcome outcome, AuditEvent subject) {
		return new AuditEvent(action, outcome, subject.portalUser(), subject.iamUser(), subject.mfaSerial(), null, null,
				null, subject.detail());
	}

}
