package dev.mfaportal.kernel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Short leases shared by every portal instance, for work that must run one at a time across them while AWS
 * answers. A lease is a row committed before the work and deleted after it, so no transaction or pooled
 * connection is held meanwhile (S38): slow AWS cannot exhaust the pool and stall every page. An instance that
 * dies leaves its lease to expire. Each module keeps its leases in a table of its own with the columns
 * {@code lease_key text PRIMARY KEY, holder uuid, expires_at timestamptz}.
 */
public final class Leases {

	private static final Duration POLL = Duration.ofMillis(100);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String table;

	private final Duration lease;

	/**
	 * @param table the module's lease table (a name from the code, never from a request)
	 * @param lease longer than the work one lease covers (each AWS call has its own timeout), so a live holder
	 * keeps it
	 */
	public Leases(JdbcClient jdbc, Clock clock, String table, Duration lease) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.table = table;
		this.lease = lease;
	}

	/** Runs {@code work} holding the lease {@code key} if nobody holds it now; otherwise runs nothing. */
	public <T> Optional<T> ifFree(String key, Supplier<T> work) {
		UUID holder = UUID.randomUUID();
		if (!claim(key, holder)) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(work.get());
		}
		finally {
			release(key, holder);
		}
	}

	/**
	 * Runs {@code work} holding the lease {@code key}, waiting (without a connection) while another holds it.
	 * @return false when the lease stayed taken for {@code longestWait}; {@code work} did not run
	 */
	public boolean waitingAtMost(Duration longestWait, String key, Runnable work) {
		UUID holder = UUID.randomUUID();
		for (long waited = 0; !claim(key, holder); waited += POLL.toMillis()) {
			if (waited >= longestWait.toMillis()) {
				return false;
			}
			pause();
		}
		try {
			work.run();
			return true;
		}
		finally {
			release(key, holder);
		}
	}

	/** One committed statement: a free or expired lease becomes ours; a live one stays its holder's. */
	private boolean claim(String key, UUID holder) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				INSERT INTO %1$s (lease_key, holder, expires_at) VALUES (:key, :holder, :expires)
				ON CONFLICT (lease_key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
				WHERE %1$s.expires_at < :now""".formatted(this.table))
			.param("key", key)
			.param("holder", holder)
			.param("expires", Timestamp.from(now.plus(this.lease)))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private void release(String key, UUID holder) {
		this.jdbc.sql("DELETE FROM %s WHERE lease_key = :key AND holder = :holder".formatted(this.table))
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
			throw new IllegalStateException("Interrupted while waiting for a lease", ex);
		}
	}

}
