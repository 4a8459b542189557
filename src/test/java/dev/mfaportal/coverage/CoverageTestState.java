package dev.mfaportal.coverage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts the coverage tables of a shared test database back to a portal that has never looked at AWS: no stored
 * report, no trend, the refresh state {@code NONE}; and, given the snapshots, forgets the table they hold too.
 */
final class CoverageTestState {

	private CoverageTestState() {
	}

	static void clear(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM coverage_report").update();
		jdbc.sql("DELETE FROM coverage_daily").update();
		jdbc.sql("""
				UPDATE coverage_refresh SET state = 'NONE', state_at = now(), seen_generated_at = NULL,
					generation_requested_at = NULL, aws_error_code = NULL, aws_request_id = NULL, detail = NULL
				""").update();
	}

	static void clear(JdbcClient jdbc, CoverageSnapshots snapshots) {
		clear(jdbc);
		// Seeing no stored report drops the table and the portal activity read for it.
		snapshots.current();
	}

}
