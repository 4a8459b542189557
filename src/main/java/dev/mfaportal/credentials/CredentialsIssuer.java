package dev.mfaportal.credentials;

import java.time.Clock;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.CallerIdentity;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.aws.SessionCredentials;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.guard.CodeAlreadyUsedException;
import dev.mfaportal.guard.CodeGuard;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;

/**
 * Sequences one issuance: rate limit (S14), the device is the employee's (S6), the code is fresh (S15),
 * the attempt is recorded (S21), one GetSessionToken (S16), the session is the employee's (S9), the
 * issuance is recorded (S21, S30). Only then do the credentials leave, and every refusal is audited.
 */
class CredentialsIssuer {

	private final CodeGuard codeGuard;

	private final MfaDevices mfaDevices;

	private final SessionTokens sessionTokens;

	private final AuditLog auditLog;

	private final Clock clock;

	CredentialsIssuer(CodeGuard codeGuard, MfaDevices mfaDevices, SessionTokens sessionTokens, AuditLog auditLog,
			Clock clock) {
		this.codeGuard = codeGuard;
		this.mfaDevices = mfaDevices;
		this.sessionTokens = sessionTokens;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * @throws IssueRefusedException with the reason, already audited, when nothing may be shown
	 * @throws TooManyAttemptsException (audited) when the employee or the IP has had too many wrong codes
	 */
	IssuedSession issue(Employee employee, IssueRequest request, String sourceIp) {
		try {
			return attempt(employee, request, sourceIp);
		}
		catch (AuditUnavailableException ex) {
			throw new IssueRefusedException(Refusal.AUDIT_UNAVAILABLE, ex);
		}
	}

	private IssuedSession attempt(Employee employee, IssueRequest request, String sourceIp) {
		try {
			this.codeGuard.ensureAllowed(employee.username(), sourceIp);
		}
		catch (TooManyAttemptsException ex) {
			record(IssuanceEvents.denied(employee, request, "too-many-attempts"));
			// The guard module's shared 429 page (with Retry-After) answers it, as for every code form.
			throw ex;
		}
		ensureOwnDevice(employee, request);
		try {
			this.codeGuard.claim(request.serialNumber(), request.code().digits());
		}
		catch (CodeAlreadyUsedException ex) {
			record(IssuanceEvents.failed(employee, request, "code-already-used", null));
			throw new IssueRefusedException(Refusal.CODE_ALREADY_USED, ex);
		}
		record(IssuanceEvents.requested(employee, request));
		SessionCredentials session = getSessionToken(employee, request, sourceIp);
		CallerIdentity caller = callerOf(employee, request, session);
		if (!employee.iamUserName().equals(caller.iamUserName())) {
			record(IssuanceEvents.deniedForeignKey(employee, request, session, caller));
			throw new IssueRefusedException(Refusal.KEY_OF_ANOTHER_USER, null);
		}
		record(IssuanceEvents.issued(employee, request, session, caller));
		return new IssuedSession(employee.username(), employee.iamUserName(), request.serialNumber(),
				session.accessKeyId(), session.secretAccessKey(), session.sessionToken(), this.clock.instant(),
				session.expiration());
	}

	/** S6: only a device assigned to the employee's own IAM user; no code goes to AWS otherwise. */
	private void ensureOwnDevice(Employee employee, IssueRequest request) {
		boolean own;
		try {
			own = this.mfaDevices.listAssigned(employee.iamUserName())
				.stream()
				.anyMatch((device) -> device.serialNumber().equals(request.serialNumber()));
		}
		catch (AwsCallException ex) {
			throw refusedByAws(employee, request, ex);
		}
		if (!own) {
			record(IssuanceEvents.denied(employee, request, "device-of-another-user"));
			throw new IssueRefusedException(Refusal.NOT_YOUR_DEVICE, null);
		}
	}

	/** The one call that carries the code; the aws module never retries it (S16), nor does this. */
	private SessionCredentials getSessionToken(Employee employee, IssueRequest request, String sourceIp) {
		try {
			return this.sessionTokens.issue(request.key(), request.serialNumber(), request.code(), request.duration());
		}
		catch (AwsCallException ex) {
			throw switch (ex.kind()) {
				// S9: AWS cannot tie the device to the key's IAM user, most often because the key is someone
				// else's. The code was not checked, so it is not counted as a wrong one.
				case KEY_NOT_FOR_DEVICE -> {
					record(IssuanceEvents.denied(employee, request, "key-not-for-device").awsRequestId(ex.requestId()));
					yield new IssueRefusedException(Refusal.KEY_NOT_FOR_DEVICE, ex);
				}
				case WRONG_CODE -> {
					this.codeGuard.recordWrongCode(employee.username(), sourceIp);
					record(IssuanceEvents.failed(employee, request, "wrong-code", ex.requestId()));
					yield new IssueRefusedException(Refusal.WRONG_CODE, ex);
				}
				case INVALID_KEY -> {
					record(IssuanceEvents.failed(employee, request, "invalid-access-key", ex.requestId()));
					yield new IssueRefusedException(Refusal.INVALID_KEY, ex);
				}
				case REJECTED_INPUT -> {
					record(IssuanceEvents.failed(employee, request, "input-rejected", ex.requestId()));
					yield new IssueRefusedException(Refusal.DURATION_REJECTED, ex);
				}
				default -> refusedByAws(employee, request, ex);
			};
		}
	}

	/** Without proof that the session is the employee's own (S9), nothing is shown. */
	private CallerIdentity callerOf(Employee employee, IssueRequest request, SessionCredentials session) {
		try {
			return this.sessionTokens.callerOf(session);
		}
		catch (AwsCallException ex) {
			record(IssuanceEvents.failed(employee, request, "caller-check-failed", ex.requestId())
				.accessKeyId(session.accessKeyId())
				.expiresAt(session.expiration()));
			throw new IssueRefusedException(
					ex.is(AwsCallException.Kind.UNAVAILABLE) ? Refusal.AWS_UNAVAILABLE : Refusal.AWS_REFUSED, ex,
					requestIdOf(ex));
		}
	}

	private IssueRefusedException refusedByAws(Employee employee, IssueRequest request, AwsCallException ex) {
		boolean unavailable = ex.is(AwsCallException.Kind.UNAVAILABLE);
		record(IssuanceEvents.failed(employee, request, unavailable ? "aws-unavailable" : "aws-error", ex.requestId())
			.detail("awsErrorCode", ex.errorCode()));
		return new IssueRefusedException(unavailable ? Refusal.AWS_UNAVAILABLE : Refusal.AWS_REFUSED, ex,
				requestIdOf(ex));
	}

	/** Shown to the employee for support (S27); AWS gives none when it never answered. */
	private static String requestIdOf(AwsCallException ex) {
		return (ex.requestId() != null) ? ex.requestId() : "none";
	}

	private void record(AuditEvent event) {
		this.auditLog.record(event);
	}

}
