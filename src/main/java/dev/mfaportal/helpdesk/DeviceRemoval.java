package dev.mfaportal.helpdesk;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;

import org.springframework.stereotype.Component;

/**
 * The lost-phone case: an admin removes an employee's device. The attempt is recorded before AWS is touched
 * (fail closed, S21: no record, no change), then {@code DeactivateMFADevice} and
 * {@code DeleteVirtualMFADevice}, then the result. Every row names the admin (portal user), the employee (IAM
 * user), the device and the reason.
 */
@Component
class DeviceRemoval {

	/** Reasons are free text; this is plenty for "lost phone, ticket HD-1234". */
	static final int REASON_MAX_LENGTH = 500;

	private final MfaDevices devices;

	private final AuditLog auditLog;

	DeviceRemoval(MfaDevices devices, AuditLog auditLog) {
		this.devices = devices;
		this.auditLog = auditLog;
	}

	void remove(String admin, String iamUser, String serialNumber, String reason) {
		String shortReason = (reason.length() > REASON_MAX_LENGTH) ? reason.substring(0, REASON_MAX_LENGTH) : reason;
		AuditEvent event = AuditEvent.of("helpdesk.device-removal-started", AuditOutcome.SUCCESS)
			.portalUser(admin)
			.iamUser(iamUser)
			.mfaSerial(serialNumber)
			.detail("reason", shortReason)
			.detail("admin", admin)
			.detail("employee", iamUser);
		this.auditLog.record(event);
		try {
			this.devices.deactivate(iamUser, serialNumber);
			this.devices.delete(serialNumber);
		}
		catch (AwsCallException ex) {
			this.auditLog.record(new AuditEvent("helpdesk.device-removal-failed", AuditOutcome.FAILURE,
					event.portalUser(), event.iamUser(), event.mfaSerial(), null, null, ex.requestId(), event.detail())
				.detail("errorCode", String.valueOf(ex.errorCode())));
			throw ex;
		}
		this.auditLog.record(new AuditEvent("helpdesk.device-removed", AuditOutcome.SUCCESS, event.portalUser(),
				event.iamUser(), event.mfaSerial(), null, null, null, event.detail()));
	}

}
