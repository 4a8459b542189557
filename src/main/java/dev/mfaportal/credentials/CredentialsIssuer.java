package dev.mfaportal.credentials;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.CallerIdentity;
import dev.mfaportal.aws.SessionCredentials;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.CodeFlow;
import dev.mfaportal.guard.LocalRefusal;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * Sequences one issuance: the code pipeline (rate limit S14, the device is the employee's S6 as its local
 * check, the code is fresh S15, the attempt recorded S21, one GetSessionToken S16), then the session is the
 * employee's (S9) and the issuance is recorded (S21, S30). Only then do the credentials leave, and every
 * refusal is audited.
 */
class CredentialsIssuer {

	static final CodeFlow ISSUANCE = CodeFlow
		.of(IssuanceEvents.REQUESTED, IssuanceEvents.FAILED, (ex) -> Refusal.of(ex).auditReason(),
				(refusal) -> refused(Refusal.of(refusal), refusal.aws()))
		.deniedAs(IssuanceEvents.DENIED, Refusal.DENIALS);

	/** The same with a portal-minted key, whose InvalidClientTokenId means "not propagated yet". */
	static final CodeFlow MINTED_ISSUANCE = CodeFlow
		.of(IssuanceEvents.REQUESTED, IssuanceEvents.FAILED, (ex) -> Refusal.ofMinted(ex).auditReason(),
				(refusal) -> refused(Refusal.ofMinted(refusal), refusal.aws()))
		.deniedAs(IssuanceEvents.DENIED, Refusal.DENIALS);

	private final CodeAttempts attempts;

	private final EmployeeDevices devices;

	private final SessionTokens sessionTokens;

	private final AuditLog auditLog;

	private final Clock clock;

	private final PropagationRetry propagation;

	CredentialsIssuer(CodeAttempts attempts, EmployeeDevices devices, SessionTokens sessionTokens,
			AuditLog auditLog, Clock clock, PropagationRetry propagation) {
		this.propagation = propagation;
		this.attempts = attempts;
		this.devices = devices;
		this.sessionTokens = sessionTokens;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * @throws IssueRefusedException with the reason, already audited, when nothing may be shown
	 * @throws TooManyAttemptsException (audited) when the employee or the IP has had too many wrong codes; the
	 * guard module's shared 429 page (with Retry-After) answers it, as for every code form
	 */
	IssuedSession issue(Employee employee, IssueRequest request, String sourceIp) {
		try {
			return attempt(employee, request, sourceIp);
		}
		catch (AuditUnavailableException ex) {
			throw new IssueRefusedException(Refusal.AUDIT_UNAVAILABLE, ex);
		}
	}

	/** Records a submitted serial that is not an IAM MFA ARN; the form answers 400. */
	void refuseInvalidSerial(Employee employee, String serial) {
		this.auditLog.record(IssuanceEvents.invalidSerial(employee, serial));
	}

	private IssuedSession attempt(Employee employee, IssueRequest request, String sourceIp) {
		// A minted key may need a few seconds to propagate; only then is GetSessionToken retried (never the code's
		// failures), inside the pipeline's one AWS call.
		SessionCredentials session = this.attempts.run(request.minted() ? MINTED_ISSUANCE : ISSUANCE,
				IssuanceEvents.attempt(employee, request, sourceIp).checkedBy((codes) -> ownDevice(employee, request)),
				(codes) -> request.minted()
						? this.propagation.call(() -> getSessionToken(request, codes.get(0)))
						: getSessionToken(request, codes.get(0)));
		CallerIdentity caller = callerOf(employee, request, session);
		if (!employee.iamUserName().equals(caller.iamUserName())) {
			this.auditLog.record(IssuanceEvents.deniedForeignKey(employee, request, session, caller));
			throw new IssueRefusedException(Refusal.KEY_OF_ANOTHER_USER, null);
		}
		this.auditLog.record(IssuanceEvents.issued(employee, request, session, caller));
		return new IssuedSession(employee.username(), employee.iamUserName(), request.serialNumber(),
				session.accessKeyId(), session.secretAccessKey(), session.sessionToken(), this.clock.instant(),
				session.expiration());
	}

	private SessionCredentials getSessionToken(IssueRequest request, OneTimeCode code) {
		return this.sessionTokens.issue(request.key(), request.serialNumber(), code, request.duration());
	}

	/**
	 * S6: only a device assigned to the employee's own IAM user; no code goes to AWS otherwise. The list sealed
	 * into the form says so without a call; a serial it does not hold is looked up in IAM now.
	 */
	private Optional<LocalRefusal> ownDevice(Employee employee, IssueRequest request) {
		return (request.sealedAsTheirs() || this.devices.isTheirs(employee.iamUserName(), request.serialNumber()))
				? Optional.empty()
				: Optional.of(LocalRefusal.of(Refusal.NOT_YOUR_DEVICE.auditReason()));
	}

	/** Without proof that the session is the employee's own (S9), nothing is shown. */
	private CallerIdentity callerOf(Employee employee, IssueRequest request, SessionCredentials session) {
		try {
			return this.sessionTokens.callerOf(session);
		}
		catch (AwsCallException ex) {
			this.auditLog.record(IssuanceEvents.failed(employee, request, "caller-check-failed", ex.requestId())
				.accessKeyId(session.accessKeyId())
				.expiresAt(session.expiration()));
			throw refused(ex.is(AwsCallException.Kind.UNAVAILABLE) ? Refusal.AWS_UNAVAILABLE : Refusal.AWS_REFUSED, ex);
		}
	}

	/** An AWS failure carries its request id for support (S27); AWS gives none when it never answered. */
	private static IssueRefusedException refused(Refusal refusal, AwsCallException ex) {
		if (ex == null) {
			return new IssueRefusedException(refusal, null);
		}
		Object requestId = (ex.requestId() != null) ? ex.requestId()
				: new DefaultMessageSourceResolvable("credentials.error.no-request-id");
		return new IssueRefusedException(refusal, ex, requestId);
	}

}
