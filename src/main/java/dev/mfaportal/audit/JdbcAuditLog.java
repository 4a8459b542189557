package dev.mfaportal.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The audit log: each event is appended to the hash chain by group commit ({@link ChainAppender}) before
 * {@link #record} returns, except a refusal flooding in from one source, which {@link RefusalFlood} counts
 * into one row per minute (S43) so that a flood cannot hold the chain, and with it every issuance, up.
 */
@Component
class JdbcAuditLog implements AuditLog {

	private static final Logger logger = LoggerFactory.getLogger(JdbcAuditLog.class);

	private final ChainAppender appender;

	private final RefusalFlood flood;

	private final AuditMeters meters;

	private final CountedRows counted;

	JdbcAuditLog(ChainAppender appender, RefusalFlood flood, AuditMeters meters, CountedRows counted) {
		this.appender = appender;
		this.flood = flood;
		this.meters = meters;
		this.counted = counted;
	}

	/** @return the new row's id, or 0 when the event was counted into its source's row of this minute */
	@Override
	public long record(AuditEvent event) {
		PreparedEvent prepared;
		try {
			prepared = PreparedEvent.of(event);
		}
		catch (NullPointerException ex) {
			throw new AuditUnavailableException("An audit event needs an action and an outcome", ex);
		}
		if (!this.flood.admit(prepared)) {
			this.meters.counted(event);
			return 0;
		}
		this.counted.writeEnded();
		long id = write(prepared, () -> this.meters.timed(event, () -> this.appender.append(prepared)));
		// One line per event for log shipping; the event holds no secret (S3), the MDC adds the request id.
		logger.atInfo()
			.addKeyValue("audit.id", id)
			.addKeyValue("audit.action", event.action())
			.addKeyValue("audit.outcome", event.outcome().name())
			.log("Audit {} {} by {}", event.action(), event.outcome(),
					AuditCaps.text(event.portalUser(), AuditCaps.NAME_MAX_LENGTH));
		return id;
	}

	/** Runs {@code append}, a database failure becoming {@link AuditUnavailableException}; {@link CountedRows} too. */
	static long write(PreparedEvent event, java.util.function.LongSupplier append) {
		try {
			return append.getAsLong();
		}
		catch (DataAccessException | TransactionException ex) {
			// Only the action: the event itself is not secret, but a driver message may echo values.
			logger.error("Audit record '{}' could not be written: {}", event.event().action(),
					ex.getClass().getName());
			throw new AuditUnavailableException("The audit log could not be written", ex);
		}
	}

}
