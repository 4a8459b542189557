package dev.mfaportal.coverage;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mfaportal.audit.LastActivity;

/**
 * The coverage table as the page shows it: the scoped report with the portal's activity joined in, built once
 * and then filtered and paged in memory for each request. Each sort order is worked out the first time a page asks
 * for it and kept with the snapshot, so a page sorted the same way again costs one pass over the rows.
 */
final class CoverageSnapshot {

	private final ScopedReport report;

	private final List<CoverageRow> rows;

	private final Map<String, LastActivity> activity;

	private final Instant activityReadAt;

	private final Map<String, List<CoverageRow>> orders = new ConcurrentHashMap<>();

	private CoverageSnapshot(ScopedReport report, List<CoverageRow> rows, Map<String, LastActivity> activity,
			Instant activityReadAt) {
		this.report = report;
		this.rows = rows;
		this.activity = activity;
		this.activityReadAt = activityReadAt;
	}

	static CoverageSnapshot join(ScopedReport report, Map<String, LastActivity> activity, Instant readAt) {
		List<CoverageRow> rows = report.users()
			.stream()
			.map((user) -> CoverageRow.of(user, activity.getOrDefault(user.name(), LastActivity.NEVER)))
			.toList();
		return new CoverageSnapshot(report, rows, activity, readAt);
	}

	/** The share of users in scope with MFA, in tenths of a percent rounded down, so 100% means everyone. */
	static String percent(int withMfa, int users) {
		if (users == 0) {
			return "–";
		}
		long tenths = withMfa * 1000L / users;
		return (tenths % 10 == 0) ? (tenths / 10) + "%" : (tenths / 10) + "." + (tenths % 10) + "%";
	}

	/** Public for the template. */
	public ScopedReport report() {
		return this.report;
	}

	/** One per user in scope, in {@code ListUsers} order. */
	List<CoverageRow> rows() {
		return this.rows;
	}

	/** The same activity joined with another report. */
	CoverageSnapshot with(ScopedReport other) {
		return join(other, this.activity, this.activityReadAt);
	}

	/** When the portal's activity was read from the audit log; public for the template. */
	public Instant activityReadAt() {
		return this.activityReadAt;
	}

	/** The rows in the order {@code comparator} gives, worked out once per {@code name}. */
	List<CoverageRow> sorted(String name, Comparator<CoverageRow> comparator) {
		return this.orders.computeIfAbsent(name, (key) -> this.rows.stream().sorted(comparator).toList());
	}

}
