package dev.mfaportal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
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
		ZoneId zone = filter.zoneId();
		boolean hourly = filter.portalUser() == null && filter.iamUser() == null && wholeHours(zone, first, last);
		Map<LocalDate, Day> counted = (hourly ? fromHourly(filter, first, last) : fromEvents(filter, first, last))
			.stream()
			.collect(Collectors.toMap(Day::day, Function.identity()));
		List<Day> days = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			days.add(counted.getOrDefault(day, new Day(day, 0, 0, 0, 0)));
		}
		return days;
	}

	/** Counts from the hourly roll-up (V3): exact when {@link #wholeHours} holds and no user is filtered. */
	List<Day> fromHourly(AuditFilter filter, LocalDate first, LocalDate last) {
		return query("audit_hourly", "hour", "sum(events)", filter, first, last);
	}

	/** Counts from the events themselves: any filter, any zone. */
	List<Day> fromEvents(AuditFilter filter, LocalDate first, LocalDate last) {
		return query("audit_event", "occurred_at", "count(*)", filter, first, last);
	}

	private List<Day> query(String table, String time, String measure, AuditFilter filter, LocalDate first,
			LocalDate last) {
		AuditWhere where = AuditWhere.of(filter, first, last, time);
		return this.jdbc.sql("""
				SELECT (%2$s AT TIME ZONE :zone)::date AS day,
					coalesce(%3$s FILTER (WHERE action = :issued), 0) AS issued,
					coalesce(%3$s FILTER (WHERE action = :enrolled), 0) AS enrolled,
					coalesce(%3$s FILTER (WHERE outcome = 'FAILURE'), 0) AS failed,
					coalesce(%3$s FILTER (WHERE outcome = 'DENIED'), 0) AS denied
				FROM %1$s
				WHERE %4$s
				GROUP BY 1
				""".formatted(table, time, measure, where.sql()))
			.params(where.params())
			.param("zone", filter.zoneId().getId())
			.param("issued", ISSUED)
			.param("enrolled", ENROLLED)
			.query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("issued"),
					rs.getLong("enrolled"), rs.getLong("failed"), rs.getLong("denied")))
			.list();
	}

	/** Whether every day boundary in the range falls on a UTC hour (not in India, Nepal, parts of Australia). */
	static boolean wholeHours(ZoneId zone, LocalDate first, LocalDate last) {
		ZoneRules rules = zone.getRules();
		Instant start = first.atStartOfDay(zone).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
		if (rules.getOffset(start).getTotalSeconds() % 3600 != 0) {
			return false;
		}
		for (ZoneOffsetTransition change = rules.nextTransition(start); change != null
				&& change.getInstant().isBefore(end); change = rules.nextTransition(change.getInstant())) {
			if (change.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
				return false;
			}
		}
		return true;
	}

	record Day(LocalDate day, long issued, long enrolled, long failed, long denied) {

		long max() {
			return Math.max(Math.max(this.issued, this.enrolled), Math.max(this.failed, this.denied));
		}

	}

}
