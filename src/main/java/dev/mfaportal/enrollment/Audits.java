package dev.mfaportal.enrollment;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.identity.Employee;

/**
 * The shapes of this module's audit events.
 */
final class Audits {

	private Audits() {
	}

	static AuditEvent event(String action, AuditOutcome outcome, Employee employee, String serial) {
		return AuditEvent.of(action, outcome).by(employee).mfaSerial(serial);
	}

	static AuditEvent failure(String action, Employee employee, String serial, String reason) {
		return event(action, AuditOutcome.FAILURE, employee, serial).detail("reason", reason);
	}

	static AuditEvent failure(String action, Employee employee, String serial, AwsCallException ex) {
		AuditEvent event = failure(action, employee, serial, AwsRefusal.of(ex).reason()).awsRequestId(ex.requestId());
		return (ex.errorCode() != null) ? event.detail("awsErrorCode", ex.errorCode()) : event;
	}

	static AuditEvent denied(Employee employee, String serial, String reason) {
		return event("access.denied", AuditOutcome.DENIED, employee, serial).detail("reason", reason);
	}

}
