package dev.mfaportal.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** S36: after the upgrade, the first start keys the chain's head, so an unkeyed head can only be a rewrite. */
@AuditJdbcTest
class KeyedChainStartTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void startWhenTheNewestRowIsFromBeforeTheUpgradeThenOneKeyedRowIsAppendedOnTopOfIt() {
		AuditTestRows rows = new AuditTestRows(this.jdbc, this.transactionManager);
		long head = this.auditLog.record(AuditEvent.of("test.upgrade", AuditOutcome.SUCCESS));
		AuditRow keyed = rows.find(head);
		// The newest row as V31 leaves a row written before it: hashed with plain SHA-256, hash_version 1.
		AuditRow unkeyed = new AuditRow(keyed.id(), keyed.occurredAt(), keyed.portalUser(), keyed.iamUser(),
				keyed.action(), keyed.outcome(), keyed.sourceIp(), keyed.userAgent(), keyed.mfaSerial(),
				keyed.accessKeyId(), keyed.expiresAt(), keyed.awsRequestId(), keyed.detail(), keyed.prevHash(), null,
				AuditHashes.LEGACY);
		rows.tamper("UPDATE audit_event SET row_hash = ?, hash_version = 1 WHERE id = ?",
				AuditHashes.rowHash(keyed.prevHash(), unkeyed), head);
		KeyedChainStart start = new KeyedChainStart(this.jdbc, this.auditLog);
		try {
			// Here an unkeyed row follows keyed ones (other tests'), which an upgraded log never has: only the
			// newest row's rule is asked about.
			assertThat(this.verifier.verify().brokenId()).as("an unkeyed newest row").isEqualTo(head);

			start.keyTheChain();
			start.keyTheChain();

			assertThat(rows.after(head)).singleElement().satisfies((row) -> {
				assertThat(row.action()).isEqualTo(KeyedChainStart.ACTION);
				assertThat(row.hashVersion()).isEqualTo(AuditHashes.KEYED);
				assertThat(row.prevHash()).isEqualTo(rows.find(head).rowHash());
				assertThat(row.detail()).containsEntry("lastUnkeyedId", Long.toString(head));
			});
		}
		finally {
			rows.tamper("DELETE FROM audit_event WHERE id > ?", head);
			rows.tamper("UPDATE audit_event SET row_hash = ?, hash_version = 2 WHERE id = ?", keyed.rowHash(), head);
		}
		assertThat(this.verifier.verify().intact()).isTrue();
	}

}
