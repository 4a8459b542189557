package dev.mfaportal.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.database.*}.
 *
 * @param migrateOnStart whether the serving portal applies pending Flyway migrations itself at start-up, with
 * its own connection; off in production, where the separate {@code --portal.migrate-only=true} run does it as the
 * schema owner and the portal only checks that nothing is pending. The local demo and the tests turn it on.
 */
@ConfigurationProperties("portal.database")
record DatabaseProperties(@DefaultValue("false") boolean migrateOnStart) {
}
