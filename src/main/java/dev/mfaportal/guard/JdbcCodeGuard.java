package dev.mfaportal.guard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.mfaportal.kernel.ServerKeys;

/**
 * {@link CodeGuard} backed by PostgreSQL, so that every portal instance sees the same counts and claims.
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

	private final JdbcClient jdbc;

	private final GuardProperties properties;

	private final SecretKeySpec codeKey;

	private final Clock clock;

	JdbcCodeGuard(JdbcClient jdbc, GuardProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.codeKey = new SecretKeySpec(ServerKeys.load("portal.guard.code-key", properties.codeKey()), "HmacSHA256");
		this.clock = clock;
	}

	@Override
	public void ensureAllowed(String portalUser, String sourceIp) {
		Instant now = this.clock.instant();
		Optional<Instant> byUser = blockedUntil(RECENT_BY_USER, portalUser,
				this.properties.maxWrongCodesPerEmployee(), now);
		Optional<Instant> byIp = blockedUntil(RECENT_BY_IP, sourceIp, this.properties.maxWrongCodesPerIp(), now);
		Optional<Instant> retryAt = byUser.isPresent() && byIp.isPresent()
				? Optional.of(byUser.get().isAfter(byIp.get()) ? byUser.get() : byIp.get())
				: byUser.or(() -> byIp);
		if (retryAt.isPresent()) {
			throw new TooManyAttemptsException(retryAt.get(),
					byUser.isPresent() ? TooManyAttemptsException.EMPLOYEE : TooManyAttemptsException.IP);
		}
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
		this.jdbc.sql("INSERT INTO guard_wrong_code (portal_user, source_ip, attempted_at) VALUES (?, ?, ?)")
			.params(portalUser, sourceIp, utc(this.clock.instant()))
			.update();
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
