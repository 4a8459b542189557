package dev.mfaportal.enrollment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases shared by every portal instance: activations for one IAM user run one at a time, so two
 * enrollments started at once end with at most one new enabled device (S19), and only one instance sweeps at
 * a time. A lease is a row committed before the AWS calls and deleted after them, so no transaction or pooled
 * connection is held while AWS answers (S38): slow AWS cannot exhaust the pool and stall every page. An
 * instance that dies leaves its lease to expire.
 */
@Component
class EnrollmentLocks {

	/** Longer than the AWS calls one lease covers (each has its own timeout), so a live holder keeps it. */
	static final Duration LEASE = Duration.ofMinutes(2);

	private static final Duration POLL = Duration.ofMillis(100);

	private final JdbcClient jdbc;

	private final Clock clock;

	EnrollmentLocks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Runs {@code action} holding the user's activation lease, waiting (without a connection) while another
	 * activation of theirs holds it.
	 * @return false when the lease stayed taken for a whole lease's time; {@code action} did not run
	 */
	boolean whileActivating(String iamUser, Runnable action) {
		String key = "activation " + iamUser;
		UUID holder = UUID.randomUUID();
		for (long waited = 0; !claim(key, holder); waited += POLL.toMillis()) {
			if (waited >= LEASE.toMillis()) {
				return false;
			}
			pause();
		}
		try {
			action.run();
			return true;
		}
		finally {
			release(key, holder);
		}
	}

	/** Runs the sweep unless another instance is sweeping right now; then returns 0. */
	int ifNobodyElseSweeps(Supplier<Integer> sweep) {
		UUID holder = UUID.randomUUID();
		if (!claim("sweeper", holder)) {
			return 0;
		}
		try {
			return sweep.get();
		}
		finally {
			release("sweeper", holder);
		}
	}

	/** One committed statement: a free or expired lease becomes ours; a live one stays its holder's. */
	private boolean claim(String key, UUID holder) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				INSERT INTO enrollment_lease (lease_key, holder, expires_at) VALUES (:key, :holder, :expires)
				ON CONFLICT (lease_key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
				WHERE enrollment_lease.expires_at < :now""")
			.param("key", key)
			.param("holder", holder)
			.param("expires", Timestamp.from(now.plus(LEASE)))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private void release(String key, UUID holder) {
		this.jdbc.sql("DELETE FROM enrollment_lease WHERE lease_key = :key AND holder = :holder")
			.param("key", key)
			.param("holder", holder)
			.update();
	}

	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an enrollment lease", ex);
		}
	}

}
