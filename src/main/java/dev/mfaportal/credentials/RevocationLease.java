package dev.mfaportal.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One revocation at a time per revocation policy, across every portal instance. A revocation is a read of the
 * policy's default version and a new version written from it; IAM keeps whichever is written last, so without
 * this two revocations for different users in the same moment would each lose the other's statement. A lock
 * rather than compare-and-retry, because a re-read straight after writing cannot see a write another instance
 * makes a moment later from the same old version. The lease is a committed row (as enrollment's leases are), so
 * no connection is held while AWS answers (S38).
 */
class RevocationLease {

	/** Longer than one revocation's AWS calls (each has its own timeout), so a live holder keeps it. */
	static final Duration LEASE = Duration.ofMinutes(1);

	/** How long a revocation waits for another one to finish before it is refused as "try again". */
	static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(50);

	private final JdbcClient jdbc;

	private final Clock clock;

	RevocationLease(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return false when another revocation held the policy for the whole wait; {@code revocation} did not run */
	boolean whileHolding(String policyArn, Runnable revocation) {
		UUID holder = UUID.randomUUID();
		long waited = 0;
		while (!claim(policyArn, holder)) {
			if (waited >= LONGEST_WAIT.toMillis()) {
				return false;
			}
			pause();
			waited += POLL.toMillis();
		}
		try {
			revocation.run();
			return true;
		}
		finally {
			this.jdbc.sql("DELETE FROM revocation_lease WHERE policy_arn = :arn AND holder = :holder")
				.param("arn", policyArn)
				.param("holder", holder)
				.update();
		}
	}

	/** One committed statement: a free or expired lease becomes ours; a live one stays its holder's. */
	private boolean claim(String policyArn, UUID holder) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				INSERT INTO revocation_lease (policy_arn, holder, expires_at) VALUES (:arn, :holder, :expires)
				ON CONFLICT (policy_arn) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
				WHERE revocation_lease.expires_at < :now""")
			.param("arn", policyArn)
			.param("holder", holder)
			.param("expires", Timestamp.from(now.plus(LEASE)))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the revocation lease", ex);
		}
	}

}
