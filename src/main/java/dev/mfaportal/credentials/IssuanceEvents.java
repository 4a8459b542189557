package dev.mfaportal.credentials;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.CallerIdentity;
import dev.mfaportal.aws.SessionCredentials;
import dev.mfaportal.guard.CodeAttempt;
import dev.mfaportal.identity.Employee;

/**
 * The audit events of an issuance. They carry the long-term key id (not a secret; it tells whose key
 * was tried), the temporary key id, serial, duration and expiry, and never a secret key or token (S3).
 * The code pipeline writes the rows up to GetSessionToken ({@link #attempt}); this class those after it.
 */
final class IssuanceEvents {

	/** Recorded before GetSessionToken, so that nothing reaches AWS while the audit log is down. */
	static final String REQUESTED = "credentials.requested";

	static final String ISSUED = "credentials.issued";

	static final String FAILED = "credentials.failed";

	static final String DENIED = "credentials.denied";

	private IssuanceEvents() {
	}

	/** The request as the code pipeline runs it, its rows carrying the same facts as the ones below. */
	static CodeAttempt attempt(Employee employee, IssueRequest request, String sourceIp) {
		return CodeAttempt.of(employee, sourceIp, request.serialNumber(), request.code().digits())
			.withAuditDetail("durationSeconds", request.duration().toSeconds())
			.withAuditDetail("longTermKeyId", request.key().accessKeyId());
	}

	static AuditEvent issued(Employee employee, IssueRequest request, SessionCredentials session,
			CallerIdentity caller) {
		return base(ISSUED, AuditOutcome.SUCCESS, employee, request).accessKeyId(session.accessKeyId())
			.expiresAt(session.expiration())
			.awsRequestId(session.requestId())
			.detail("callerArn", caller.arn());
	}

	static AuditEvent failed(Employee employee, IssueRequest request, String reason, String awsRequestId) {
		return base(FAILED, AuditOutcome.FAILURE, employee, request).awsRequestId(awsRequestId)
			.detail("reason", reason);
	}

	/** S9: the session exists at AWS but belongs to another IAM user; it is recorded, never shown. */
	static AuditEvent deniedForeignKey(Employee employee, IssueRequest request, SessionCredentials session,
			CallerIdentity caller) {
		return base(DENIED, AuditOutcome.DENIED, employee, request)
			.detail("reason", Refusal.KEY_OF_ANOTHER_USER.auditReason())
			.accessKeyId(session.accessKeyId())
			.expiresAt(session.expiration())
			.awsRequestId(session.requestId())
			.detail("callerArn", caller.arn());
	}

	private static AuditEvent base(String action, AuditOutcome outcome, Employee employee, IssueRequest request) {
		return AuditEvent.of(action, outcome)
			.by(employee)
			.mfaSerial(request.serialNumber())
			.detail("durationSeconds", request.duration().toSeconds())
			.detail("longTermKeyId", request.key().accessKeyId());
	}

}
