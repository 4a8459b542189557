package dev.mfaportal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit rows to the hash chain. Every append runs in its own transaction (so a caller's rollback cannot
 * undo the record of what it attempted) and holds a transaction-scoped advisory lock while it reads the head
 * hash and inserts, so concurrent writers, on any number of portal instances sharing the database, extend one
 * unbroken chain in id order.
 */
@Component
class JdbcAuditLog implements AuditLog {

	/** Advisory lock key serialising appends; any fixed number no other code uses. */
	static final long CHAIN_LOCK = 0x6d66_6170_6175_6469L;

	private static final Logger logger = LoggerFactory.getLogger(JdbcAuditLog.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final AuditMeters meters;

	JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, AuditMeters meters) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	public long record(AuditEvent event) {
		try {
			return this.meters.timed(event, () -> this.ownTransaction.execute((status) -> append(event)));
		}
		catch (DataAccessException | TransactionException ex) {
			// Only the action: the event itself is not secret, but a driver message may echo values.
			logger.error("Audit record '{}' could not be written: {}", event.action(), ex.getClass().getName());
			throw new AuditUnavailableException("The audit log could not be written", ex);
		}
	}

	private long append(AuditEvent recorded) {
		String requestId = RequestId.current();
		AuditEvent event = (requestId != null) ? recorded.detail(RequestId.KEY, requestId) : recorded;
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query((rs, n) -> 1).single();
		String prevHash = this.jdbc.sql("SELECT row_hash FROM audit_event ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(AuditHashes.GENESIS);
		long id = this.jdbc.sql("SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))")
			.query(Long.class)
			.single();
		RequestOrigin origin = RequestOrigin.current();
		AuditRow row = new AuditRow(id, AuditHashes.truncate(this.clock.instant()),
				AuditCaps.text(event.portalUser(), AuditCaps.NAME_MAX_LENGTH),
				AuditCaps.text(event.iamUser(), AuditCaps.NAME_MAX_LENGTH),
				AuditCaps.text(event.action(), AuditCaps.SHORT_MAX_LENGTH), event.outcome().name(),
				AuditCaps.text(origin.sourceIp(), AuditCaps.SHORT_MAX_LENGTH),
				AuditCaps.text(origin.userAgent(), AuditCaps.USER_AGENT_MAX_LENGTH),
				AuditCaps.text(event.mfaSerial(), AuditCaps.SERIAL_MAX_LENGTH),
				AuditCaps.text(event.accessKeyId(), AuditCaps.SHORT_MAX_LENGTH),
				AuditHashes.truncate(event.expiresAt()),
				AuditCaps.text(event.awsRequestId(), AuditCaps.SHORT_MAX_LENGTH), AuditCaps.detail(event.detail()),
				prevHash, null);
		String rowHash = AuditHashes.rowHash(prevHash, row);
		this.jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, portal_user, iam_user, action, outcome, source_ip,
					user_agent, mfa_serial, access_key_id, expires_at, aws_request_id, detail, prev_hash, row_hash)
				VALUES (:id, :occurredAt, :portalUser, :iamUser, :action, :outcome, :sourceIp, :userAgent,
					:mfaSerial, :accessKeyId, :expiresAt, :awsRequestId, CAST(:detail AS jsonb), :prevHash, :rowHash)
				""")
			.param("id", id)
			.param("occurredAt", utc(row.occurredAt()))
			.param("portalUser", row.portalUser())
			.param("iamUser", row.iamUser())
			.param("action", row.action())
			.param("outcome", row.outcome())
			.param("sourceIp", row.sourceIp())
			.param("userAgent", row.userAgent())
			.param("mfaSerial", row.mfaSerial())
			.param("accessKeyId", row.accessKeyId())
			.param("expiresAt", utc(row.expiresAt()))
			.param("awsRequestId", row.awsRequestId())
			.param("detail", AuditRow.detailJson(row.detail()))
			.param("prevHash", prevHash)
			.param("rowHash", rowHash)
			.update();
		// One line per event for log shipping; the event holds no secret (S3), the MDC adds the request id.
		logger.atInfo()
			.addKeyValue("audit.id", id)
			.addKeyValue("audit.action", event.action())
			.addKeyValue("audit.outcome", event.outcome().name())
			.log("Audit {} {} by {}", event.action(), event.outcome(), row.portalUser());
		return id;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
