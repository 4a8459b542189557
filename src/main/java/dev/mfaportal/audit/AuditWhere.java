package dev.mfaportal.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL condition for an {@link AuditFilter}, shared by the page, the chart and the CSV export so all three
 * show the same rows. Values only ever travel as bind parameters. Every condition is served by an index of
 * {@code V3__audit_indexes.sql} (the user names' of {@code V80__audit_user_filters_ignore_case.sql}) ending in
 * {@code (occurred_at DESC, id DESC)}, the order everything is read in.
 */
record AuditWhere(String sql, Map<String, Object> params) {

	static AuditWhere of(AuditFilter filter) {
		return of(filter, filter.from(), filter.to());
	}

	/** The filter, but over the days {@code from} to {@code to} inclusive (either open when null). */
	static AuditWhere of(AuditFilter filter, LocalDate from, LocalDate to) {
		return of(filter, from, to, "occurred_at");
	}

	/** The same, with the time range on {@code timeColumn} (the hourly roll-up's {@code hour}). */
	static AuditWhere of(AuditFilter filter, LocalDate from, LocalDate to, String timeColumn) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		// User names match whatever their case: IAM treats "Alice" and "alice" as one user, and so does the reader.
		equalIgnoringCase(conditions, params, "portal_user", "portalUser", filter.portalUser());
		equalIgnoringCase(conditions, params, "iam_user", "iamUser", filter.iamUser());
		equal(conditions, params, "action", "action", filter.action());
		equal(conditions, params, "outcome", "outcome", filter.outcome());
		ZoneId zone = filter.zoneId();
		if (from != null) {
			conditions.add(timeColumn + " >= :fromAt");
			params.put("fromAt", startOf(from, zone));
		}
		if (to != null) {
			conditions.add(timeColumn + " < :toAt");
			params.put("toAt", startOf(to.plusDays(1), zone));
		}
		String sql = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
		return new AuditWhere(sql, params);
	}

	private static void equal(List<String> conditions, Map<String, Object> params, String column, String name,
			String value) {
		if (value != null) {
			conditions.add(column + " = :" + name);
			params.put(name, value);
		}
	}

	/** Served by the {@code lower(column)} indexes of {@code V80__audit_user_filters_ignore_case.sql}. */
	private static void equalIgnoringCase(List<String> conditions, Map<String, Object> params, String column,
			String name, String value) {
		if (value != null) {
			conditions.add("lower(" + column + ") = lower(:" + name + ")");
			params.put(name, value);
		}
	}

	static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
	}

}
