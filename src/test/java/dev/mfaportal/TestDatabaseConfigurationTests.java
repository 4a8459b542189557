package dev.mfaportal;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import dev.mfaportal.TestPostgres.Kind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PortalJdbcTest
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

	@Test
	void serverWhenDockerAnswersThenContainerOtherwiseEmbedded() {
		assertThat(Kind.of(true)).isEqualTo(Kind.CONTAINER);
		assertThat(Kind.of(false)).isEqualTo(Kind.EMBEDDED);
		assertThat(TestPostgres.shared().kind())
			.isEqualTo(Kind.of(DockerClientFactory.instance().isDockerAvailable()));
	}

	@Test
	void serverWhenEitherKindThenTheSameSettings() {
		TestPostgres.SETTINGS.entrySet()
			.stream()
			// pgjdbc sets each session's time zone to the JVM's, hiding the server's own value from a session.
			.filter((setting) -> !setting.getKey().equals("timezone"))
			.forEach((setting) -> assertThat(
					this.jdbc.sql("select current_setting(?)").param(setting.getKey()).query(String.class).single())
				.as(setting.getKey())
				.isEqualTo(setting.getValue()));
	}

	@Test
	void contextWhenStartedThenHasADatabaseOfItsOwnOnTheSharedServer() {
		String own = this.jdbc.sql("select current_database()").query(String.class).single();
		assertThat(own).matches("portal_\\d+");
		String next = TestPostgres.shared().createDatabase();
		assertThat(next).isNotEqualTo(own);
		Integer onThisServer = this.jdbc.sql("select count(*) from pg_database where datname in (?, ?)")
			.params(own, next)
			.query(Integer.class)
			.single();
		assertThat(onThisServer).isEqualTo(2);
	}

}
