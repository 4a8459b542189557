package dev.mfaportal;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL 17 for tests ({@code @Import(TestDatabaseConfiguration.class)}); never H2, because the audit
 * log relies on PostgreSQL triggers, {@code jsonb} and advisory locks.
 * <p>
 * Where a Docker engine answers, Testcontainers runs {@code postgres:17-alpine} as a {@code @ServiceConnection}.
 * Otherwise (this build machine, CI without Docker) one zonky embedded PostgreSQL is started lazily per JVM and
 * shared by every Spring context, because starting one takes ~5 s. The two paths are exclusive by condition.
 * <p>
 * Consequences of sharing: tests must not assume an empty database (the audit table is append-only and cannot
 * be emptied), and must restore anything they tamper with. With {@code @JdbcTest}, add
 * {@code @AutoConfigureTestDatabase(replace = Replace.NONE)}: Boot decides on replacing the DataSource before
 * the dynamic properties below exist.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	static final String IMAGE = "postgres:17-alpine";

	@Configuration(proxyBeanMethods = false)
	@Conditional(DockerAvailable.class)
	static class Containerised {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgresContainer() {
			return new PostgreSQLContainer(IMAGE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(DockerUnavailable.class)
	static class Embedded {

		@Bean
		DynamicPropertyRegistrar embeddedPostgresProperties() {
			return (registry) -> {
				registry.add("spring.datasource.url", () -> SharedEmbeddedPostgres.get().getJdbcUrl("postgres", "postgres"));
				registry.add("spring.datasource.username", () -> "postgres");
				registry.add("spring.datasource.password", () -> "postgres");
				// Many cached contexts share one server: keep each pool's idle connections low.
				registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
			};
		}

	}

	/** One embedded server per JVM, started on first use and stopped by zonky's shutdown hook. */
	static final class SharedEmbeddedPostgres {

		private static EmbeddedPostgres instance;

		private SharedEmbeddedPostgres() {
		}

		static synchronized EmbeddedPostgres get() {
			if (instance == null) {
				try {
					instance = EmbeddedPostgres.builder()
						.setServerConfig("max_connections", "300")
						.setServerConfig("timezone", "UTC")
						.setRegisterShutdownHook(true)
						.start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
				}
			}
			return instance;
		}

	}

	static final class DockerAvailable implements Condition {

		private static Boolean available;

		static synchronized boolean check() {
			if (available == null) {
				available = DockerClientFactory.instance().isDockerAvailable();
			}
			return available;
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return check();
		}

	}

	static final class DockerUnavailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !DockerAvailable.check();
		}

	}

}
