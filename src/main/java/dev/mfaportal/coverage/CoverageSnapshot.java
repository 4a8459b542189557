package dev.mfaportal.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.mfaportal.audit.LastActivity;

/**
 * The coverage table as the page shows it: the scoped report with the portal's activity joined in, built once
 * and then filtered, sorted and paged in memory for each request.
 *
 * @param report the scoped report the rows come from
 * @param rows one per user in scope, in {@code ListUsers} order
 * @param activityReadAt when the portal's activity was read from the audit log
 */
record CoverageSnapshot(ScopedReport report, List<CoverageRow> rows, Instant activityReadAt) {

	static CoverageSnapshot join(ScopedReport report, Map<String, LastActivity> activity, Instant now) {
		List<CoverageRow> rows = report.users()
			.stream()
			.map((user) -> CoverageRow.of(user, activity.getOrDefault(user.name(), LastActivity.NEVER)))
			.toList();
		return new CoverageSnapshot(report, rows, now);
	}

	/** The share of users in scope with MFA, in tenths of a percent rounded down, so 100% means everyone. */
	static String percent(int withMfa, int users) {
		if (users == 0) {
			return "–";
		}
		long tenths = withMfa * 1000L / users;
		return (tenths % 10 == 0) ? (tenths / 10) + "%" : (tenths / 10) + "." + (tenths % 10) + "%";
	}

}
