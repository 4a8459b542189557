package dev.mfaportal.guard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import dev.mfaportal.kernel.AttemptsLeft;
import dev.mfaportal.kernel.ServerKeys;

/**
 * {@link CodeGuard} backed by PostgreSQL, so that every portal instance sees the same counts and claims.
 * <p>
 * Check and count are one step (S14 under parallel requests): a short transaction takes an advisory lock per
 * employee and per source IP, reads the window and inserts the attempt as in flight, then commits, before
 * the code goes to AWS. No transaction or connection is held during the AWS call itself.
 */
@Component
class JdbcCodeGuard implements CodeGuard {

	private static final Logger logger = LoggerFactory.getLogger(JdbcCodeGuard.class);

	private static final String RECENT_BY_USER = """
			SELECT attempted_at FROM guard_wrong_code
			WHERE portal_user = :subject AND attempted_at > :since
			ORDER BY attempted_at DESC LIMIT :limit
			""";

	private static final String RECENT_BY_IP = """
			SELECT attempted_at FROM guard_wrong_code
			WHERE source_ip = :subject AND attempted_at > :since
			ORDER BY attempted_at DESC LIMIT :limit
			""";

	// A claim that has expired may be taken again; a live one makes the statement change no row.
	private static final String CLAIM = """
			INSERT INTO guard_claimed_code (code_hash, expires_at) VALUES (:hash, :expiresAt)
			ON CONFLICT (code_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at
			WHERE guard_claimed_code.expires_at <= :now
			""";

	// Two-key advisory locks, one key space per subject kind, the employee's always taken first (no deadlock).
	// The count runs in a statement of its own after the locks: its snapshot then sees every earlier attempt.
	private static final String LOCK = """
			SELECT 1 FROM (SELECT pg_advisory_xact_lock(1400001, hashtext(:user)),
				pg_advisory_xact_lock(1400002, hashtext(:ip))) AS locked
			""";

	private static final String COUNT_IF_ALLOWED = """
			INSERT INTO guard_wrong_code (portal_user, source_ip, attempted_at, in_flight)
			SELECT :user, :ip, :now, true
			WHERE (SELECT count(*) FROM guard_wrong_code WHERE portal_user = :user AND attempted_at > :since) < :maxUser
			AND (SELECT count(*) FROM guard_wrong_code WHERE source_ip = :ip AND attempted_at > :since) < :maxIp
			""";

	// Attempts in flight for one employee and IP are alike: settling any one of them settles this one.
	private static final String ONE_IN_FLIGHT = """
			(SELECT id FROM guard_wrong_code WHERE portal_user = :user AND source_ip = :ip AND in_flight
			LIMIT 1 FOR UPDATE SKIP LOCKED)""";

	private static final String LEFT = """
			SELECT least(:maxUser - (SELECT count(*) FROM guard_wrong_code WHERE portal_user = :user AND attempted_at > :since),
				:maxIp - (SELECT count(*) FROM guard_wrong_code WHERE source_ip = :ip AND attempted_at > :since))
			""";

	private static final String KEEP_AS_WRONG = "UPDATE guard_wrong_code SET in_flight = false WHERE id = "
			+ ONE_IN_FLIGHT;

	private static final String RELEASE = "DELETE FROM guard_wrong_code WHERE id = " + ONE_IN_FLIGHT;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final GuardProperties properties;

	private final SecretKeySpec codeKey;

	private final Clock clock;

	JdbcCodeGuard(JdbcClient jdbc, TransactionOperations transactions, GuardProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.codeKey = new SecretKeySpec(ServerKeys.load("portal.guard.code-key", properties.codeKey()), "HmacSHA256");
		this.clock = clock;
	}

	@Override
	public void ensureAllowed(String portalUser, String sourceIp) {
		Instant now = this.clock.instant();
		Integer counted = this.transactions.execute((transaction) -> {
			this.jdbc.sql(LOCK).param("user", portalUser).param("ip", sourceIp).query(Integer.class).single();
			return this.jdbc.sql(COUNT_IF_ALLOWED)
				.param("user", portalUser)
				.param("ip", sourceIp)
				.param("now", utc(now))
				.param("since", utc(now.minus(this.properties.window())))
				.param("maxUser", this.properties.maxWrongCodesPerEmployee())
				.param("maxIp", this.properties.maxWrongCodesPerIp())
				.update();
		});
		if (counted == null || counted == 0) {
			boolean employeeLimit = blockedUntil(RECENT_BY_USER, portalUser,
					this.properties.maxWrongCodesPerEmployee(), now).isPresent();
			throw new TooManyAttemptsException(retryAt(portalUser, sourceIp, now),
					employeeLimit ? TooManyAttemptsException.EMPLOYEE : TooManyAttemptsException.IP);
		}
	}

	/** When the refused subject may try again: outside the lock, as only the answer's wording depends on it. */
	private Instant retryAt(String portalUser, String sourceIp, Instant now) {
		return Stream.of(blockedUntil(RECENT_BY_USER, portalUser, this.properties.maxWrongCodesPerEmployee(), now),
				blockedUntil(RECENT_BY_IP, sourceIp, this.properties.maxWrongCodesPerIp(), now))
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder())
			.orElse(now.plus(this.properties.window()));
	}

	/**
	 * The subject is blocked while {@code max} wrong codes lie within the window; it is free again once the
	 * {@code max}-th most recent one leaves the window.
	 */
	private Optional<Instant> blockedUntil(String sql, String subject, int max, Instant now) {
		List<OffsetDateTime> recent = this.jdbc.sql(sql)
			.param("subject", subject)
			.param("since", utc(now.minus(this.properties.window())))
			.param("limit", max)
			.query(OffsetDateTime.class)
			.list();
		if (recent.size() < max) {
			return Optional.empty();
		}
		return Optional.of(recent.get(max - 1).toInstant().plus(this.properties.window()));
	}

	@Override
	public void recordWrongCode(String portalUser, String sourceIp) {
		if (this.jdbc.sql(KEEP_AS_WRONG).param("user", portalUser).param("ip", sourceIp).update() == 0) {
			this.jdbc.sql("INSERT INTO guard_wrong_code (portal_user, source_ip, attempted_at) VALUES (?, ?, ?)")
				.params(portalUser, sourceIp, utc(this.clock.instant()))
				.update();
		}
	}

	@Override
	public AttemptsLeft attemptsLeft(String portalUser, String sourceIp) {
		long left = this.jdbc.sql(LEFT)
			.param("user", portalUser)
			.param("ip", sourceIp)
			.param("since", utc(this.clock.instant().minus(this.properties.window())))
			.param("maxUser", this.properties.maxWrongCodesPerEmployee())
			.param("maxIp", this.properties.maxWrongCodesPerIp())
			.query(Long.class)
			.single();
		return AttemptsLeft.of(left, this.properties.window());
	}

	@Override
	public void release(String portalUser, String sourceIp) {
		this.jdbc.sql(RELEASE).param("user", portalUser).param("ip", sourceIp).update();
	}

	@Override
	public void claim(String mfaSerial, String code) {
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql(CLAIM)
			.param("hash", hash(mfaSerial, code))
			.param("expiresAt", utc(now.plus(this.properties.claimLifetime())))
			.param("now", utc(now))
			.update();
		if (changed == 0) {
			throw new CodeAlreadyUsedException();
		}
	}

	private byte[] hash(String mfaSerial, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.codeKey);
			// The separator keeps ("a1", "23456") and ("a", "123456") apart.
			return mac.doFinal((mfaSerial + "\n" + code).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** Deletes counters that left the window and claims that expired. */
	@Scheduled(fixedDelayString = "${portal.guard.purge-interval:5m}", initialDelayString = "1m")
	void purge() {
		Instant now = this.clock.instant();
		int counters = this.jdbc.sql("DELETE FROM guard_wrong_code WHERE attempted_at <= ?")
			.param(utc(now.minus(this.properties.window())))
			.update();
		int claims = this.jdbc.sql("DELETE FROM guard_claimed_code WHERE expires_at <= ?").param(utc(now)).update();
		logger.debug("Purged {} wrong-code counters and {} expired code claims", counters, claims);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
