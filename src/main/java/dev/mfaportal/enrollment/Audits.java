package dev.mfaportal.enrollment;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditOutcome;
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

	static AuditEvent failure(String action, Employee employee, String serial, AwsProblem problem) {
		AuditEvent event = failure(action, employee, serial, AwsRefusal.of(problem.kind()).reason())
			.awsRequestId(problem.requestId());
		return (problem.errorCode() != null) ? event.detail("awsErrorCode", problem.errorCode()) : event;
	}

	static AuditEvent denied(Employee employee, String serial, String reason) {
		return event("access.denied", AuditOutcome.DENIED, employee, serial).detail("reason", reason);
	}

}
