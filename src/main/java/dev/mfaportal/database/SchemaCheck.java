package dev.mfaportal.database;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * What the serving portal does with Flyway at start-up: by default it only reads the schema history, as the
 * application role, and refuses to start while a migration is pending (the code would meet tables it does not
 * know); with {@code portal.database.migrate-on-start} it migrates itself, as the demo and the tests do.
 */
@Component
class SchemaCheck implements FlywayMigrationStrategy {

	private final boolean migrateOnStart;

	SchemaCheck(DatabaseProperties properties) {
		this.migrateOnStart = properties.migrateOnStart();
	}

	@Override
	public void migrate(Flyway flyway) {
		if (this.migrateOnStart) {
			flyway.migrate();
			return;
		}
		MigrationInfo[] pending = flyway.info().pending();
		if (pending.length > 0) {
			String versions = Arrays.stream(pending)
				.map((migration) -> String.valueOf(migration.getVersion()))
				.collect(Collectors.joining(", "));
			throw new IllegalStateException("The database schema is behind this version of the portal: "
					+ pending.length + " pending migration(s) (" + versions + "). Run it once with "
					+ "--portal.migrate-only=true as the schema owner first (docs/deployment.md), "
					+ "or set portal.database.migrate-on-start=true where the portal may migrate itself.");
		}
	}

}
