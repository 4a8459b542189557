package dev.mfaportal.coverage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The last good credential report in PostgreSQL (V70): one row, replaced by the next good report, so every
 * instance and every restart shows the same one.
 */
@Component
class ReportStore {

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** When the stored report was fetched: cheap enough to ask on every page, to notice a newer one. */
	Optional<Instant> version() {
		return this.jdbc.sql("SELECT fetched_at FROM coverage_report WHERE id = 1")
			.query((rs, n) -> instant(rs, "fetched_at"))
			.optional();
	}

	Optional<StoredReport> load() {
		return this.jdbc.sql("""
				SELECT generated_at, fetched_at, content, scope_path, scope_users, scope_devices
				FROM coverage_report WHERE id = 1
				""")
			.query((rs, n) -> new StoredReport(instant(rs, "generated_at"), instant(rs, "fetched_at"),
					rs.getBytes("content"), rs.getString("scope_path"), List.of((String[]) array(rs, "scope_users")),
					List.of((Integer[]) array(rs, "scope_devices"))))
			.optional();
	}

	void save(StoredReport report) {
		this.jdbc.sql("""
				INSERT INTO coverage_report (id, generated_at, fetched_at, content, scope_path, scope_users, scope_devices)
				VALUES (1, :generatedAt, :fetchedAt, :content, :scopePath, :scopeUsers, :scopeDevices)
				ON CONFLICT (id) DO UPDATE SET generated_at = EXCLUDED.generated_at, fetched_at = EXCLUDED.fetched_at,
					content = EXCLUDED.content, scope_path = EXCLUDED.scope_path, scope_users = EXCLUDED.scope_users,
					scope_devices = EXCLUDED.scope_devices
				""")
			.param("generatedAt", utc(report.generatedAt()))
			.param("fetchedAt", utc(report.fetchedAt()))
			.param("content", report.content())
			.param("scopePath", report.scopePath())
			.param("scopeUsers", report.scopeUsers().toArray(String[]::new))
			.param("scopeDevices", report.scopeDevices().toArray(Integer[]::new))
			.update();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static Object array(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		try {
			return array.getArray();
		}
		finally {
			array.free();
		}
	}

}
