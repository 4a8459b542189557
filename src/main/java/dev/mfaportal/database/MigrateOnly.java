package dev.mfaportal.database;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code java -jar mfa-portal.jar --portal.migrate-only=true} (or {@code PORTAL_MIGRATE_ONLY=true}): Flyway
 * brings the schema up to date with the credentials given to this run ({@code spring.flyway.user} and
 * {@code password} when set, else the datasource's: the schema owner's) and the process exits 0, non-zero when
 * migrating failed. Nothing else of the portal starts: no web server, no AWS client, no server keys needed, so
 * the owner's credentials never meet a process that serves requests.
 */
public final class MigrateOnly {

	/** Read from the command line, system properties and the environment, before any configuration file. */
	static final String FLAG = "portal.migrate-only";

	private MigrateOnly() {
	}

	/** Whether this start is the migration run: the flag given without a value, or {@code true}. */
	public static boolean requested(String[] args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		String value = environment.getProperty(FLAG);
		return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
	}

	/** Migrates and returns the exit code for {@link System#exit(int)}. */
	public static int run(String[] args) {
		try (ConfigurableApplicationContext migrated = migrate(args)) {
			return SpringApplication.exit(migrated);
		}
	}

	/** The migration run's own small context: a datasource and Flyway, which migrates while it starts. */
	static ConfigurableApplicationContext migrate(String[] args) {
		return new SpringApplicationBuilder(Migration.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(args);
	}

	/** Not a {@code @Configuration}, so the portal's own component scan leaves it out. */
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	static class Migration {

	}

}
