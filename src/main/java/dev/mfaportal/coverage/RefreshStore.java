package dev.mfaportal.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The background refresh's state in PostgreSQL (V70): one row every instance reads and writes, so they share one
 * rate limit on generating reports. Each statement stands alone: nothing is held open across a call to AWS.
 */
@Component
class RefreshStore {

	private final JdbcClient jdbc;

	RefreshStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RefreshStatus status() {
		return this.jdbc.sql("""
				SELECT state, state_at, seen_generated_at, generation_requested_at, aws_error_code, aws_request_id, detail
				FROM coverage_refresh WHERE id = 1
				""")
			.query((rs, n) -> new RefreshStatus(RefreshState.valueOf(rs.getString("state")),
					ReportStore.instant(rs, "state_at"), nullable(rs, "seen_generated_at"),
					nullable(rs, "generation_requested_at"), rs.getString("aws_error_code"), rs.getString("aws_request_id"),
					rs.getString("detail")))
			.single();
	}

	/** Records what an attempt found; {@code seen} (when given) becomes the newest report seen. */
	void record(RefreshState state, Instant at, @Nullable Instant seen) {
		record(state, at, seen, null, null, null);
	}

	void record(RefreshState state, Instant at, @Nullable Instant seen, @Nullable String awsErrorCode,
			@Nullable String awsRequestId, @Nullable String detail) {
		this.jdbc.sql("""
				UPDATE coverage_refresh SET state = :state, state_at = :at,
					seen_generated_at = coalesce(CAST(:seen AS timestamptz), seen_generated_at),
					aws_error_code = :code, aws_request_id = :requestId, detail = :detail
				WHERE id = 1
				""")
			.param("state", state.name())
			.param("at", ReportStore.utc(at))
			.param("seen", (seen != null) ? ReportStore.utc(seen) : null)
			.param("code", awsErrorCode)
			.param("requestId", awsRequestId)
			.param("detail", detail)
			.update();
	}

	/**
	 * Takes the right to call {@code GenerateCredentialReport} now: granted to one caller per {@code interval},
	 * whichever instance it runs on, by one conditional update.
	 */
	boolean claimGeneration(Instant now, Duration interval) {
		return this.jdbc.sql("""
				UPDATE coverage_refresh SET generation_requested_at = :now
				WHERE id = 1 AND (generation_requested_at IS NULL OR generation_requested_at <= :earliest)
				""")
			.param("now", ReportStore.utc(now))
			.param("earliest", ReportStore.utc(now.minus(interval)))
			.update() == 1;
	}

	private static @Nullable Instant nullable(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
