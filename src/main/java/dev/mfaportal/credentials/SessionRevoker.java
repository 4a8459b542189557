package dev.mfaportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.SessionRevocations;
import dev.mfaportal.kernel.Leases;

/**
 * Revokes every session issued to an IAM user until now (S41): the employee for themselves ("my credentials
 * leaked") or the help desk for an employee, with a reason, audited. Sessions issued afterwards work. The
 * revocation lives in the one deny policy {@code portal.credentials.revocation-policy-arn}; its statements are
 * dropped after 36 h, the longest a session lives.
 * <p>
 * A revocation reads the policy's default version and writes the next one from it, and IAM keeps whichever is
 * written last, so two revocations for different users in the same moment would each lose the other's statement.
 * They take turns across every instance through a lease (kernel's {@link Leases}, in {@code revocation_lease})
 * rather than compare-and-retry, because a re-read straight after writing cannot see a write another instance
 * makes a moment later from the same old version.
 */
public class SessionRevoker {

	public static final String REVOKED = "credentials.sessions-revoked";

	public static final String REVOKE_FAILED = "credentials.sessions-revoke-failed";

	/** The longest session GetSessionToken issues: a revocation older than this covers nothing still valid. */
	static final Duration LONGEST_SESSION = Duration.ofHours(36);

	private static final int COVERED_ROWS_LOOKED_AT = 500;

	/** Longer than one revocation's AWS calls (each has its own timeout), so a live holder keeps the lease. */
	static final Duration LEASE = Duration.ofMinutes(1);

	/** How long a revocation waits for others to finish before it is refused as "try again". */
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

	/** The failure's reference when other revocations kept the policy for the whole wait. */
	private static final String BUSY = "RevocationBusy";

	private final SessionRevocations revocations;

	private final String policyArn;

	private final AuditLog audit;

	private final AuditHistory history;

	private final Clock clock;

	private final Leases lease;

	SessionRevoker(SessionRevocations revocations, String policyArn, AuditLog audit, AuditHistory history,
			Clock clock, Leases lease) {
		this.lease = lease;
		this.revocations = revocations;
		this.policyArn = policyArn;
		this.audit = audit;
		this.history = history;
		this.clock = clock;
	}

	/** Whether a revocation policy is configured; without one no revoke form is offered. */
	public boolean enabled() {
		return !this.policyArn.isBlank();
	}

	/**
	 * @param actor the portal user asking (the employee themselves, or the help desk)
	 * @return the time before which the user's sessions are now refused
	 * @throws RevocationFailedException (audited) when the policy could not be written; nothing was revoked
	 */
	public Instant revoke(String actor, String iamUserName, String reason) {
		Instant now = this.clock.instant();
		// aws:TokenIssueTime has sub-second precision: rounding up covers a session issued earlier this second.
		Instant before = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		boolean written;
		try {
			written = this.lease.waitingAtMost(LONGEST_WAIT, this.policyArn, () -> write(iamUserName, before, now));
		}
		catch (AwsCallException ex) {
			recordFailure(actor, iamUserName, reason, ex.requestId(),
					(ex.errorCode() != null) ? ex.errorCode() : ex.kind().name());
			throw failed(ex);
		}
		if (!written) {
			recordFailure(actor, iamUserName, reason, null, BUSY);
			throw new RevocationFailedException(BUSY, null);
		}
		this.audit.record(AuditEvent.of(REVOKED, AuditOutcome.SUCCESS)
			.portalUser(actor)
			.iamUser(iamUserName)
			.detail("reason", reason)
			.detail("revokedBefore", before.toString())
			.detail("coversIssuanceRows", coveredIssuances(iamUserName, now)));
		return before;
	}

	/** Holding the lease: the new version, then a re-read, because IAM's reads are only eventually consistent. */
	private void write(String iamUserName, Instant before, Instant now) {
		this.revocations.revoke(this.policyArn, iamUserName, before, now.minus(LONGEST_SESSION));
		if (!this.revocations.revokedBefore(this.policyArn, iamUserName).filter(before::equals).isPresent()) {
			this.revocations.revoke(this.policyArn, iamUserName, before, now.minus(LONGEST_SESSION));
		}
	}

	/**
	 * The time before which the user's sessions are refused, while that can still refuse a live session.
	 * @throws RevocationFailedException when AWS could not be asked
	 */
	public Optional<Instant> inForce(String iamUserName) {
		Instant now = this.clock.instant();
		try {
			return this.revocations.revokedBefore(this.policyArn, iamUserName)
				.filter((before) -> before.plus(LONGEST_SESSION).isAfter(now));
		}
		catch (AwsCallException ex) {
			throw failed(ex);
		}
	}

	private void recordFailure(String actor, String iamUserName, String reason, String requestId, String cause) {
		this.audit.record(AuditEvent.of(REVOKE_FAILED, AuditOutcome.FAILURE)
			.portalUser(actor)
			.iamUser(iamUserName)
			.awsRequestId(requestId)
			.detail("reason", reason)
			.detail("awsErrorCode", cause));
	}

	private static RevocationFailedException failed(AwsCallException ex) {
		return new RevocationFailedException((ex.requestId() != null) ? ex.requestId() : ex.kind().name(), ex);
	}

	/** The audit ids of the issuances this revocation stops: sessions issued to the user in the last 36 h. */
	private String coveredIssuances(String iamUserName, Instant now) {
		return this.history.recentForIamUser(iamUserName, COVERED_ROWS_LOOKED_AT)
			.stream()
			.filter((entry) -> IssuanceEvents.ISSUED.equals(entry.action()))
			.filter((entry) -> entry.occurredAt().isAfter(now.minus(LONGEST_SESSION)))
			.map((entry) -> Long.toString(entry.id()))
			.collect(Collectors.joining(" "));
	}

}
