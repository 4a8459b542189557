package dev.mfaportal.audit;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After the upgrade to the keyed chain (V31), the first start appends one keyed row ({@code audit.chain-keyed}) on
 * top of the unkeyed ones. From then on the newest row is always keyed, which is what lets the verifier tell a
 * superuser's SHA-256 re-chaining (unkeyed rows at the end) from the log as the portal left it. Two instances
 * starting together may each write one.
 */
@Component
class KeyedChainStart {

	static final String ACTION = "audit.chain-keyed";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	KeyedChainStart(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@EventListener(ApplicationReadyEvent.class)
	void keyTheChain() {
		this.jdbc.sql("SELECT id FROM audit_event WHERE hash_version = :legacy AND id = (SELECT max(id) FROM audit_event)")
			.param("legacy", AuditHashes.LEGACY)
			.query(Long.class)
			.optional()
			.ifPresent((lastUnkeyed) -> this.auditLog
				.record(AuditEvent.of(ACTION, AuditOutcome.SUCCESS).detail("lastUnkeyedId", lastUnkeyed)));
	}

}
