package dev.mfaportal.coverage;

import java.time.Duration;

import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where a coverage test on a shared portal context starts: the sandbox account reset (with the demo's employees
 * if asked), and a portal that has never looked at AWS: no stored report, no trend, the refresh state
 * {@code NONE}, no table in memory. And the background check, run until the portal holds a report.
 */
final class CoverageScene {

	final SandboxAccount sandbox;

	final ReportRefresh refresh;

	final RefreshStore states;

	private final JdbcClient jdbc;

	private final CoverageSnapshots snapshots;

	CoverageScene(ApplicationContext context) {
		this.sandbox = context.getBean(SandboxAccount.class);
		this.refresh = context.getBean(ReportRefresh.class);
		this.states = context.getBean(RefreshStore.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.snapshots = context.getBean(CoverageSnapshots.class);
	}

	/** The sandbox as every test starts, and the portal's coverage state forgotten, in PostgreSQL and in memory. */
	CoverageScene reset() {
		this.sandbox.reset();
		clear(this.jdbc, this.snapshots);
		return this;
	}

	/** Adds the demo's three dozen employees under {@code /employees/}, two in three with an MFA device. */
	CoverageScene withDemoUsers() {
		this.sandbox.seedDemoUsers();
		return this;
	}

	RefreshState state() {
		return this.states.status().state();
	}

	/**
	 * What the background check does until the portal holds a report: ask IAM to generate, then collect it. (On a
	 * slow machine the SDK may retry the generation after its attempt timeout; the first run then collects it.)
	 */
	void fetchReport() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			this.refresh.onSchedule();
			assertThat(state()).isEqualTo(RefreshState.CURRENT);
		});
	}

	/** Empties the coverage tables, and makes {@code snapshots} forget the table they hold. */
	static void clear(JdbcClient jdbc, CoverageSnapshots snapshots) {
		clear(jdbc);
		// Seeing no stored report drops the table and the portal activity read for it.
		snapshots.current();
	}

	/** Empties the coverage tables of a shared test database. */
	static void clear(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM coverage_report").update();
		jdbc.sql("DELETE FROM coverage_daily").update();
		jdbc.sql("""
				UPDATE coverage_refresh SET state = 'NONE', state_at = now(), seen_generated_at = NULL,
					generation_requested_at = NULL, aws_error_code = NULL, aws_request_id = NULL, detail = NULL
				""").update();
	}

}
