package dev.mfaportal.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SignInThrottle} on the {@code sign_in_failure} table. Failures are recorded for any login name,
 * known or not, so a lockout message reveals nothing about which accounts exist; rows older than the
 * window are deleted as new ones arrive, which keeps the table small.
 */
class JdbcSignInThrottle implements SignInThrottle {

	// Longer names are not accounts; cutting them keeps one guesser from storing large rows.
	private static final int MAX_NAME = 200;

	private final JdbcClient jdbc;

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	JdbcSignInThrottle(JdbcClient jdbc, int maxFailures, Duration window, Clock clock) {
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public Optional<Instant> lockedUntil(String username) {
		Instant now = this.clock.instant();
		List<Timestamp> recent = this.jdbc.sql("""
				SELECT failed_at FROM sign_in_failure
				WHERE username = :username AND failed_at > :since
				ORDER BY failed_at DESC
				LIMIT :limit
				""")
			.param("username", name(username))
			.param("since", Timestamp.from(now.minus(this.window)))
			.param("limit", this.maxFailures)
			.query(Timestamp.class)
			.list();
		if (recent.size() < this.maxFailures) {
			return Optional.empty();
		}
		// Free again once the oldest of the last N failures leaves the window.
		return Optional.of(recent.get(recent.size() - 1).toInstant().plus(this.window));
	}

	@Override
	public void recordFailure(String username) {
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at <= :since")
			.param("since", Timestamp.from(now.minus(this.window)))
			.update();
		this.jdbc.sql("INSERT INTO sign_in_failure (username, failed_at) VALUES (:username, :failedAt)")
			.param("username", name(username))
			.param("failedAt", Timestamp.from(now))
			.update();
	}

	@Override
	public void reset(String username) {
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE username = :username").param("username", name(username)).update();
	}

	private static String name(String username) {
		String name = (username != null) ? username : "";
		return (name.length() > MAX_NAME) ? name.substring(0, MAX_NAME) : name;
	}

}
