package dev.mfaportal.database;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code databaseGrants}, in the readiness group: DOWN while the portal's database role lacks a privilege the
 * portal needs, so a first start with incomplete grants is taken out of the load balancer instead of answering
 * 500 on every page. The log says what is missing once, when that changes, not on every probe. The grants
 * themselves are written in docs/deployment.md; this is the list they must cover.
 */
@Component
class DatabaseGrantsHealthIndicator implements HealthIndicator {

	/**
	 * Each table and what the portal does with it. The audit tables are read and appended only; the working
	 * tables (counters, used codes, leases, sessions, coverage) are kept up to date.
	 */
	static final Map<String, List<String>> NEEDED = Map.ofEntries(
			Map.entry("audit_event", List.of("SELECT", "INSERT")), Map.entry("audit_hourly", List.of("SELECT")),
			Map.entry("guard_wrong_code", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("guard_claimed_code", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("sign_in_failure", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("spring_session", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("spring_session_attributes", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("enrollment_lease", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("revocation_lease", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("oidc_sign_in", List.of("SELECT", "INSERT", "UPDATE", "DELETE")),
			Map.entry("minted_access_key", List.of("SELECT", "INSERT", "UPDATE")),
			Map.entry("coverage_report", List.of("SELECT", "INSERT", "UPDATE")),
			Map.entry("coverage_refresh", List.of("SELECT", "INSERT", "UPDATE")),
			Map.entry("coverage_daily", List.of("SELECT", "INSERT")));

	private static final Logger logger = LoggerFactory.getLogger(DatabaseGrantsHealthIndicator.class);

	/** Every needed grant as "PRIVILEGE ON table", comma-separated: one parameter for the query. */
	private static final String NEEDED_GRANTS = NEEDED.entrySet()
		.stream()
		.sorted(Map.Entry.comparingByKey())
		.flatMap((table) -> table.getValue().stream().map((privilege) -> privilege + " ON " + table.getKey()))
		.collect(Collectors.joining(","));

	private final JdbcClient jdbc;

	private List<String> reported = List.of();

	DatabaseGrantsHealthIndicator(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Health health() {
		List<String> missing;
		try {
			missing = missing();
		}
		catch (DataAccessException ex) {
			// The database is unreachable: the db indicator says so, and its outage is logged elsewhere already.
			return Health.down().build();
		}
		report(missing);
		return missing.isEmpty() ? Health.up().build() : Health.down().withDetail("missing", missing).build();
	}

	/** A table the role cannot even see (no such table, no USAGE on its schema) lacks every privilege. */
	List<String> missing() {
		return this.jdbc.sql("""
				SELECT needed.grant_name
				FROM (SELECT entry AS grant_name, split_part(entry, ' ', 1) AS privilege,
				             split_part(entry, ' ', 3) AS table_name
				      FROM regexp_split_to_table(:needed, ',') AS entry) AS needed
				WHERE CASE WHEN to_regclass(needed.table_name) IS NULL THEN true
				           ELSE NOT has_table_privilege(needed.table_name, needed.privilege) END
				ORDER BY needed.grant_name
				""").param("needed", NEEDED_GRANTS).query(String.class).list();
	}

	private synchronized void report(List<String> missing) {
		if (missing.equals(this.reported)) {
			return;
		}
		if (missing.isEmpty()) {
			logger.info("The database role has every grant the portal needs again; readiness is UP");
		}
		else {
			logger.error("The database role lacks grants the portal needs: {}. Not ready until they are given "
					+ "(docs/deployment.md, Database roles)", String.join(", ", missing));
		}
		this.reported = missing;
	}

}
