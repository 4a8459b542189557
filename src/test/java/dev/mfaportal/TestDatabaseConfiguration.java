package dev.mfaportal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL 17 for tests ({@code @Import(TestDatabaseConfiguration.class)}); never H2, because the audit
 * log relies on PostgreSQL triggers, {@code jsonb} and advisory locks.
 * <p>
 * One server per test JVM ({@link TestPostgres}: a container where Docker answers, embedded otherwise), and a
 * fresh database on it for each Spring context, the same on every machine. One server, because starting one
 * takes seconds; a database per context, because the audit table is append-only and cannot be emptied, so what
 * one context's tests leave behind must not reach another's. The test classes that share a context share its
 * database: they must not assume it empty, and must restore anything they tamper with.
 * <p>
 * With {@code @JdbcTest}, add {@code @AutoConfigureTestDatabase(replace = Replace.NONE)}: Boot decides on
 * replacing the DataSource before the dynamic properties below exist.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	/** Called once per context, so each context creates its own database. */
	@Bean
	DynamicPropertyRegistrar testDatabaseProperties() {
		return (registry) -> {
			TestPostgres server = TestPostgres.shared();
			String url = server.url(server.createDatabase());
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", server::username);
			registry.add("spring.datasource.password", server::password);
			// Cached contexts keep their pools open on the one server: keep each pool's idle connections low.
			registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		};
	}

}
