package dev.mfaportal.audit;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link PortalActivity} in one statement: the successful rows of three actions, grouped by IAM user, the latest
 * of each action a filtered aggregate. The actions are named as the modules that record them name them.
 */
@Component
class JdbcPortalActivity implements PortalActivity {

	private final JdbcClient jdbc;

	JdbcPortalActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, LastActivity> lastActivityByIamUser() {
		Map<String, LastActivity> activity = new HashMap<>();
		this.jdbc.sql("""
				SELECT iam_user,
					max(occurred_at) FILTER (WHERE action = :signedIn) AS signed_in,
					max(occurred_at) FILTER (WHERE action = :enrolled) AS enrolled,
					max(occurred_at) FILTER (WHERE action = :issued) AS issued
				FROM audit_event
				WHERE action IN (:signedIn, :enrolled, :issued) AND outcome = 'SUCCESS' AND iam_user IS NOT NULL
				GROUP BY iam_user
				""")
			.param("signedIn", SecurityEventAuditor.SIGNED_IN)
			.param("enrolled", DailyCounts.ENROLLED)
			.param("issued", DailyCounts.ISSUED)
			.query((RowCallbackHandler) (rs) -> activity.put(rs.getString("iam_user"), new LastActivity(
					AuditRow.instant(rs, "signed_in"), AuditRow.instant(rs, "enrolled"), AuditRow.instant(rs, "issued"))));
		return activity;
	}

}
