package dev.mfaportal.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An event with what only the writer's thread knows (the request's id, source IP and user agent), so that
 * whichever thread appends it ({@link ChainAppender}) writes the same row.
 */
record PreparedEvent(AuditEvent event, RequestOrigin origin) {

	PreparedEvent {
		// Checked before the event joins a batch: a row the database would refuse must not fail other writers.
		Objects.requireNonNull(event.action(), "action");
		Objects.requireNonNull(event.outcome(), "outcome");
	}

	/** In the calling thread: adds the request id to the detail and takes the request's origin. */
	static PreparedEvent of(AuditEvent recorded) {
		String requestId = RequestId.current();
		AuditEvent event = (requestId != null) ? recorded.detail(RequestId.KEY, requestId) : recorded;
		return new PreparedEvent(event, RequestOrigin.current());
	}

	/** The row as stored: every value capped (S33), hashed by the caller. */
	AuditRow row(long id, Instant occurredAt, String prevHash) {
		return new AuditRow(id, occurredAt, AuditCaps.text(this.event.portalUser(), AuditCaps.NAME_MAX_LENGTH),
				AuditCaps.text(this.event.iamUser(), AuditCaps.NAME_MAX_LENGTH),
				AuditCaps.text(this.event.action(), AuditCaps.SHORT_MAX_LENGTH), this.event.outcome().name(),
				AuditCaps.text(this.origin.sourceIp(), AuditCaps.SHORT_MAX_LENGTH),
				AuditCaps.text(this.origin.userAgent(), AuditCaps.USER_AGENT_MAX_LENGTH),
				AuditCaps.text(this.event.mfaSerial(), AuditCaps.SERIAL_MAX_LENGTH),
				AuditCaps.text(this.event.accessKeyId(), AuditCaps.SHORT_MAX_LENGTH),
				AuditHashes.truncate(this.event.expiresAt()),
				AuditCaps.text(this.event.awsRequestId(), AuditCaps.SHORT_MAX_LENGTH),
				AuditCaps.detail(this.event.detail()), prevHash, null, AuditHashes.KEYED);
	}

}
