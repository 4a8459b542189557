package dev.mfaportal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(TestDatabaseConfiguration.class)
class TestDatabaseConfigurationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void contextWhenImportedThenTalksToPostgresql17() {
		String version = this.jdbc.sql("select version()").query(String.class).single();
		assertThat(version).startsWith("PostgreSQL 17");
	}

	@Test
	void contextWhenImportedThenFlywayHasMigratedTheAuditTable() {
		Integer applied = this.jdbc.sql("select count(*) from flyway_schema_history where version = '1' and success")
			.query(Integer.class)
			.single();
		assertThat(applied).isEqualTo(1);
		Integer auditTables = this.jdbc.sql("select count(*) from pg_tables where tablename = 'audit_event'")
			.query(Integer.class)
			.single();
		assertThat(auditTables).isEqualTo(1);
	}

}
