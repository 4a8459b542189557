package dev.mfaportal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.mfaportal.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcPortalActivity}: each IAM user's last successful sign-in, activation and issuance, from the log.
 */
@AuditJdbcTest
class PortalActivityTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void lastActivityWhenSeveralEventsThenTheLatestSuccessOfEachActionPerIamUser() {
		String user = "activity-" + UUID.randomUUID().toString().substring(0, 8);
		Instant firstSignIn = record(user, "signin.succeeded", AuditOutcome.SUCCESS);
		this.clock.advance(Duration.ofHours(1));
		Instant enrolled = record(user, "enrollment.activated", AuditOutcome.SUCCESS);
		this.clock.advance(Duration.ofHours(1));
		Instant lastSignIn = record(user, "signin.succeeded", AuditOutcome.SUCCESS);
		this.clock.advance(Duration.ofHours(1));
		record(user, "credentials.issued", AuditOutcome.FAILURE);
		record(user, "enrollment.started", AuditOutcome.SUCCESS);

		Map<String, LastActivity> activity = new JdbcPortalActivity(this.jdbc).lastActivityByIamUser();

		assertThat(activity).containsEntry(user, new LastActivity(lastSignIn, enrolled, null));
		assertThat(activity.get(user).latest()).isEqualTo(lastSignIn).isAfter(firstSignIn);
	}

	@Test
	void lastActivityWhenOnlyOtherActionsThenTheUserIsAbsent() {
		String user = "activity-" + UUID.randomUUID().toString().substring(0, 8);
		record(user, "signin.failed", AuditOutcome.FAILURE);
		record(user, "access.denied", AuditOutcome.DENIED);

		assertThat(new JdbcPortalActivity(this.jdbc).lastActivityByIamUser()).doesNotContainKey(user);
		assertThat(LastActivity.NEVER.latest()).isNull();
	}

	/** Records an event now and returns its time as PostgreSQL keeps it (microseconds). */
	private Instant record(String iamUser, String action, AuditOutcome outcome) {
		long id = this.auditLog.record(AuditEvent.of(action, outcome).portalUser(iamUser).iamUser(iamUser));
		return this.jdbc.sql("SELECT occurred_at FROM audit_event WHERE id = :id")
			.param("id", id)
			.query(Instant.class)
			.single();
	}

}
