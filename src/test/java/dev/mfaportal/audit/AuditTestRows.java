package dev.mfaportal.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test access to audit_event behind the application's back, as an attacker or a careless DBA with superuser
 * rights would have it: {@code session_replication_role = replica} switches the append-only trigger off for
 * one transaction. Whatever a test tampers with it must put back, because the test classes of a context share
 * its database.
 */
final class AuditTestRows {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	AuditTestRows(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** An audit log of its own on {@code jdbc}, with its own clock, chaining under {@code key}. */
	static JdbcAuditLog log(JdbcClient jdbc, PlatformTransactionManager transactionManager, ChainKey key,
			java.time.Clock clock) {
		ChainAppender appender = new ChainAppender(jdbc, transactionManager, clock, key);
		RefusalFlood flood = new RefusalFlood(clock, ChainMonitorTests.properties(true));
		return new JdbcAuditLog(appender, flood,
				new AuditMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
				new CountedRows(flood, appender));
	}

	AuditRow find(long id) {
		return this.jdbc.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE id = ?")
			.param(id)
			.query(AuditRow.MAPPER)
			.single();
	}

	List<AuditRow> after(long id) {
		return this.jdbc.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE id > ? ORDER BY id")
			.param(id)
			.query(AuditRow.MAPPER)
			.list();
	}

	long maxId() {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
	}

	/** Runs SQL with the trigger switched off, committed. */
	void tamper(String sql, Object... params) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("SET LOCAL session_replication_role = replica").update();
			this.jdbc.sql(sql).params(params).update();
		});
	}

	/** Runs SQL once per parameter list, with the trigger switched off, in one committed transaction. */
	void tamperEach(String sql, List<Object[]> params) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("SET LOCAL session_replication_role = replica").update();
			params.forEach((each) -> this.jdbc.sql(sql).params(each).update());
		});
	}

	/** Puts a deleted row back exactly as it was. */
	void restore(AuditRow row) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("SET LOCAL session_replication_role = replica").update();
			this.jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, portal_user, iam_user, action, outcome, source_ip,
						user_agent, mfa_serial, access_key_id, expires_at, aws_request_id, detail, prev_hash, row_hash,
						hash_version)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)
					""")
				.params(row.id(), utc(row.occurredAt()), row.portalUser(), row.iamUser(), row.action(),
						row.outcome(), row.sourceIp(), row.userAgent(), row.mfaSerial(), row.accessKeyId(),
						utc(row.expiresAt()), row.awsRequestId(), AuditRow.detailJson(row.detail()), row.prevHash(),
						row.rowHash(), row.hashVersion())
				.update();
		});
	}

	private static java.time.OffsetDateTime utc(java.time.Instant instant) {
		return (instant != null) ? instant.atOffset(java.time.ZoneOffset.UTC) : null;
	}

}
