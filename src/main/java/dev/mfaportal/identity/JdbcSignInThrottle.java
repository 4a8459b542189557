package dev.mfaportal.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import dev.mfaportal.kernel.AttemptsLeft;

/**
 * {@link SignInThrottle} on the {@code sign_in_failure} table. Failures are recorded for any login name,
 * known or not, so a lockout message reveals nothing about which accounts exist; rows older than the
 * window are deleted as new ones arrive, which keeps the table small.
 * <p>
 * Check and count are one step: a short transaction takes an advisory lock per login and per address, counts
 * both, and inserts the attempt as in flight before the password is checked.
 */
class JdbcSignInThrottle implements SignInThrottle {

	// Longer names are not accounts; cutting them keeps one guesser from storing large rows.
	private static final int MAX_NAME = 200;

	private static final int MAX_IP = 64;

	// Both locks or neither: a guess waiting for them gives its pooled connection back between tries, so
	// a burst of guesses at one login cannot take every connection. The count then runs in a statement of its
	// own, whose snapshot sees every attempt counted before the locks were granted.
	private static final String TRY_LOCK = """
			SELECT pg_try_advisory_xact_lock(1400011, hashtext(:username))
				AND pg_try_advisory_xact_lock(1400012, hashtext(:ip))
			""";

	private static final Duration LOCK_PAUSE = Duration.ofMillis(15);

	private static final int LOCK_TRIES = 200;

	private static final String COUNT_IF_ALLOWED = """
			INSERT INTO sign_in_failure (username, source_ip, failed_at, in_flight)
			SELECT :username, :ip, :now, true
			WHERE (SELECT count(*) FROM sign_in_failure WHERE username = :username AND failed_at > :since) < :maxName
			AND (SELECT count(*) FROM sign_in_failure WHERE source_ip = :ip AND failed_at > :since) < :maxIp
			""";

	private static final String ONE_IN_FLIGHT = """
			(SELECT ctid FROM sign_in_failure WHERE username = :username AND source_ip = :ip AND in_flight
			LIMIT 1 FOR UPDATE SKIP LOCKED)""";

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final int maxFailures;

	private final int maxFailuresPerIp;

	private final Duration window;

	private final Clock clock;

	JdbcSignInThrottle(JdbcClient jdbc, TransactionOperations transactions, int maxFailures, int maxFailuresPerIp,
			Duration window, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.maxFailures = maxFailures;
		this.maxFailuresPerIp = maxFailuresPerIp;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public Optional<Instant> lockedUntil(String username) {
		return blockedUntil("username", name(username), this.maxFailures, this.clock.instant());
	}

	@Override
	public Optional<Instant> begin(String username, String sourceIp) {
		Instant now = this.clock.instant();
		Integer counted = null;
		for (int tries = 0; counted == null && tries < LOCK_TRIES; tries++) {
			counted = countIfAllowed(username, sourceIp, now);
			if (counted == null) {
				pause();
			}
		}
		if (counted != null && counted > 0) {
			return Optional.empty();
		}
		Optional<Instant> byName = blockedUntil("username", name(username), this.maxFailures, now);
		Optional<Instant> byIp = blockedUntil("source_ip", ip(sourceIp), this.maxFailuresPerIp, now);
		return byName.or(() -> byIp).or(() -> Optional.of(now.plus(this.window)));
	}

	/** Rows inserted (0 over a limit), or null when another attempt holds a lock. */
	private Integer countIfAllowed(String username, String sourceIp, Instant now) {
		return this.transactions.execute((transaction) -> {
			Boolean locked = this.jdbc.sql(TRY_LOCK)
				.param("username", name(username))
				.param("ip", ip(sourceIp))
				.query(Boolean.class)
				.single();
			if (!Boolean.TRUE.equals(locked)) {
				return null;
			}
			return this.jdbc.sql(COUNT_IF_ALLOWED)
				.param("username", name(username))
				.param("ip", ip(sourceIp))
				.param("now", Timestamp.from(now))
				.param("since", Timestamp.from(now.minus(this.window)))
				.param("maxName", this.maxFailures)
				.param("maxIp", this.maxFailuresPerIp)
				.update();
		});
	}

	private static void pause() {
		try {
			Thread.sleep(LOCK_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Free again once the oldest of the last {@code max} failures leaves the window. */
	private Optional<Instant> blockedUntil(String column, String subject, int max, Instant now) {
		List<Timestamp> recent = this.jdbc.sql("""
				SELECT failed_at FROM sign_in_failure
				WHERE %s = :subject AND failed_at > :since
				ORDER BY failed_at DESC
				LIMIT :limit
				""".formatted(column))
			.param("subject", subject)
			.param("since", Timestamp.from(now.minus(this.window)))
			.param("limit", max)
			.query(Timestamp.class)
			.list();
		if (recent.size() < max) {
			return Optional.empty();
		}
		return Optional.of(recent.get(recent.size() - 1).toInstant().plus(this.window));
	}

	@Override
	public AttemptsLeft attemptsLeft(String username, String sourceIp) {
		long left = this.jdbc.sql("""
				SELECT least(:maxName - (SELECT count(*) FROM sign_in_failure WHERE username = :username AND failed_at > :since),
					:maxIp - (SELECT count(*) FROM sign_in_failure WHERE source_ip = :ip AND failed_at > :since))
				""")
			.param("username", name(username))
			.param("ip", ip(sourceIp))
			.param("since", Timestamp.from(this.clock.instant().minus(this.window)))
			.param("maxName", this.maxFailures)
			.param("maxIp", this.maxFailuresPerIp)
			.query(Long.class)
			.single();
		return AttemptsLeft.of(left, this.window);
	}

	@Override
	public void recordFailure(String username, String sourceIp) {
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at <= :since")
			.param("since", Timestamp.from(now.minus(this.window)))
			.update();
		int kept = this.jdbc.sql("UPDATE sign_in_failure SET in_flight = false WHERE ctid = " + ONE_IN_FLIGHT)
			.param("username", name(username))
			.param("ip", ip(sourceIp))
			.update();
		if (kept == 0) {
			this.jdbc.sql("INSERT INTO sign_in_failure (username, source_ip, failed_at) VALUES (:username, :ip, :failedAt)")
				.param("username", name(username))
				.param("ip", ip(sourceIp))
				.param("failedAt", Timestamp.from(now))
				.update();
		}
	}

	@Override
	public void release(String username, String sourceIp) {
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE ctid = " + ONE_IN_FLIGHT)
			.param("username", name(username))
			.param("ip", ip(sourceIp))
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

	private static String ip(String sourceIp) {
		String ip = (sourceIp != null) ? sourceIp : "";
		return (ip.length() > MAX_IP) ? ip.substring(0, MAX_IP) : ip;
	}

}
