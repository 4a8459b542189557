package dev.mfaportal.helpdesk;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.enrollment.Removal;
import dev.mfaportal.enrollment.RemovalAudit;

import org.springframework.stereotype.Component;

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

	DeviceRemoval(EmployeeDevices devices) {
		this.devices = devices;
	}

	Removal remove(String admin, String iamUser, String serialNumber, String reason) {
		String shortReason = (reason.length() > REASON_MAX_LENGTH) ? reason.substring(0, REASON_MAX_LENGTH) : reason;
		AuditEvent subject = AuditEvent.of("", AuditOutcome.SUCCESS)
			.portalUser(admin)
			.iamUser(iamUser)
			.mfaSerial(serialNumber)
			.detail("reason", shortReason)
			.detail("admin", admin)
			.detail("employee", iamUser);
		RemovalAudit rows = new RemovalAudit(as("helpdesk.device-removal-started", AuditOutcome.SUCCESS, subject),
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
