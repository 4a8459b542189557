package dev.mfaportal.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** S23: the table itself refuses every change to what was written, whoever connects. */
@AuditJdbcTest
class AuditEventTableTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void updateWhenRunDirectlyThenRefused() {
		long id = this.auditLog.record(AuditEvent.of("test.table", AuditOutcome.SUCCESS).portalUser("mallory"));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE audit_event SET portal_user = 'someone' WHERE id = ?")
				.param(id)
				.update())
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause()).hasMessageContaining("append-only"));
		assertThat(portalUser(id)).isEqualTo("mallory");
	}

	@Test
	void deleteWhenRunDirectlyThenRefused() {
		long id = this.auditLog.record(AuditEvent.of("test.table", AuditOutcome.SUCCESS));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause()).hasMessageContaining("append-only"));
		assertThat(count(id)).isEqualTo(1);
	}

	@Test
	void truncateWhenRunDirectlyThenRefused() {
		long id = this.auditLog.record(AuditEvent.of("test.table", AuditOutcome.SUCCESS));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("TRUNCATE audit_event").update())
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause()).hasMessageContaining("append-only"));
		assertThat(count(id)).isEqualTo(1);
	}

	private String portalUser(long id) {
		return this.jdbc.sql("SELECT portal_user FROM audit_event WHERE id = ?").param(id).query(String.class).single();
	}

	private int count(long id) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE id = ?").param(id).query(Integer.class).single();
	}

}
