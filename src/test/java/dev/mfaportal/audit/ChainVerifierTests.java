package dev.mfaportal.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** S24: a row edited or deleted behind the portal's back is named by the verifier. */
@AuditJdbcTest
class ChainVerifierTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	AuditTestRows rows() {
		return new AuditTestRows(this.jdbc, this.transactionManager);
	}

	@Test
	void verifyWhenUntouchedThenIntactWithCountAndHeadHash() {
		long id = this.auditLog.record(AuditEvent.of("test.verify", AuditOutcome.SUCCESS));

		ChainReport report = this.verifier.verify();

		assertThat(report.intact()).as(report.summary()).isTrue();
		assertThat(report.headHash()).isEqualTo(rows().find(id).rowHash());
		assertThat(report.events()).isEqualTo(
				this.jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single());
		assertThat(report.summary()).startsWith("intact, " + report.events() + " events, head hash ");
	}

	@Test
	void verifyWhenRowEditedDirectlyThenNamesThatRow() {
		long first = this.auditLog.record(AuditEvent.of("test.verify", AuditOutcome.SUCCESS).portalUser("eve"));
		long edited = this.auditLog.record(AuditEvent.of("test.verify", AuditOutcome.DENIED).portalUser("eve"));
		this.auditLog.record(AuditEvent.of("test.verify", AuditOutcome.SUCCESS).portalUser("eve"));
		AuditRow original = rows().find(edited);
		rows().tamper("UPDATE audit_event SET outcome = 'SUCCESS' WHERE id = ?", edited);
		try {
			ChainReport report = this.verifier.verify();

			assertThat(report.intact()).isFalse();
			assertThat(report.brokenId()).isEqualTo(edited);
			assertThat(report.brokenField()).isEqualTo("row_hash");
			assertThat(report.found()).isEqualTo(original.rowHash());
			assertThat(report.expected()).isNotEqualTo(original.rowHash());
			assertThat(first).isLessThan(edited);
		}
		finally {
			rows().tamper("UPDATE audit_event SET outcome = ? WHERE id = ?", original.outcome(), edited);
		}
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void verifyWhenRowDeletedDirectlyThenNamesTheRowAfterIt() {
		long deleted = this.auditLog.record(AuditEvent.of("test.verify", AuditOutcome.SUCCESS).portalUser("eve"));
		long next = this.auditLog.record(AuditEvent.of("test.verify", AuditOutcome.SUCCESS).portalUser("eve"));
		AuditRow original = rows().find(deleted);
		rows().tamper("DELETE FROM audit_event WHERE id = ?", deleted);
		try {
			ChainReport report = this.verifier.verify();

			assertThat(report.intact()).isFalse();
			assertThat(report.brokenId()).isEqualTo(next);
			assertThat(report.brokenField()).isEqualTo("prev_hash");
			assertThat(report.expected()).isEqualTo(original.prevHash());
			assertThat(report.found()).isEqualTo(original.rowHash());
			assertThat(report.summary()).contains("broken at id " + next);
		}
		finally {
			rows().restore(original);
		}
		assertThat(this.verifier.verify().intact()).isTrue();
	}

}
