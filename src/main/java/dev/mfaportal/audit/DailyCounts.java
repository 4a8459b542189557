package dev.mfaportal.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events per calendar day (in the viewer's zone) for the chart above the audit table, in four series: issued
 * credentials, activated MFA devices, failures and denials. Days without events are included as zeros.
 */
@Component
class DailyCounts {

	/** The actions counted as an issuance and as an enrollment, as the credentials and enrollment modules name them. */
	static final String ISSUED = "credentials.issued";

	static final String ENROLLED = "enrollment.activated";

	/** Shown when the filter gives no start: the last two weeks. */
	static final int DEFAULT_DAYS = 14;

	private final JdbcClient jdbc;

	DailyCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Day> count(AuditFilter filter, LocalDate today, int maxDays) {
		LocalDate last = (filter.to() != null) ? filter.to() : today;
		LocalDate first = (filter.from() != null) ? filter.from() : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			return List.of();
		}
		if (first.plusDays(maxDays).isBefore(last.plusDays(1))) {
			first = last.minusDays(maxDays - 1);
		}
		AuditWhere where = AuditWhere.of(filter, first, last);
		ZoneId zone = filter.zoneId();
		Map<LocalDate, Day> counted = this.jdbc.sql("""
				SELECT (occurred_at AT TIME ZONE :zone)::date AS day,
					count(*) FILTER (WHERE action = :issued) AS issued,
					count(*) FILTER (WHERE action = :enrolled) AS enrolled,
					count(*) FILTER (WHERE outcome = 'FAILURE') AS failed,
					count(*) FILTER (WHERE outcome = 'DENIED') AS denied
				FROM audit_event
				WHERE %s
				GROUP BY 1
				""".formatted(where.sql()))
			.params(where.params())
			.param("zone", zone.getId())
			.param("issued", ISSUED)
			.param("enrolled", ENROLLED)
			.query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("issued"),
					rs.getLong("enrolled"), rs.getLong("failed"), rs.getLong("denied")))
			.list()
			.stream()
			.collect(Collectors.toMap(Day::day, Function.identity()));
		List<Day> days = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			days.add(counted.getOrDefault(day, new Day(day, 0, 0, 0, 0)));
		}
		return days;
	}

	record Day(LocalDate day, long issued, long enrolled, long failed, long denied) {

		long max() {
			return Math.max(Math.max(this.issued, this.enrolled), Math.max(this.failed, this.denied));
		}

	}

}
