package dev.mfaportal.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The coverage percentage per UTC day (V71): today's point is written by the first check of the day that has a
 * report, and never changed after, however many checks or instances try.
 */
@Component
class CoverageTrend {

	private final JdbcClient jdbc;

	private final CoverageSnapshots snapshots;

	private final Clock clock;

	CoverageTrend(JdbcClient jdbc, CoverageSnapshots snapshots, Clock clock) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	/** Records today's point unless it exists: one statement that does nothing once the day has its point. */
	void recordToday() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		this.snapshots.report().ifPresent((report) -> this.jdbc.sql("""
				INSERT INTO coverage_daily (day, users, with_mfa, report_generated_at, recorded_at)
				VALUES (:day, :users, :withMfa, :generatedAt, :now)
				ON CONFLICT (day) DO NOTHING
				""")
			.param("day", today)
			.param("users", report.users().size())
			.param("withMfa", report.withMfa())
			.param("generatedAt", ReportStore.utc(report.generatedAt()))
			.param("now", ReportStore.utc(now))
			.update());
	}

	/** The points of the last {@code days} days up to today, oldest first; days without a point are absent. */
	List<Point> lastDays(int days) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.jdbc.sql("""
				SELECT day, users, with_mfa FROM coverage_daily WHERE day > :first AND day <= :today ORDER BY day
				""")
			.param("first", today.minusDays(days))
			.param("today", today)
			.query((rs, n) -> new Point(rs.getObject("day", LocalDate.class), rs.getInt("users"), rs.getInt("with_mfa")))
			.list();
	}

	/**
	 * One day's coverage.
	 *
	 * @param day the UTC day
	 * @param users the IAM users in scope
	 * @param withMfa those with an active MFA device
	 */
	record Point(LocalDate day, int users, int withMfa) {
	}

}
