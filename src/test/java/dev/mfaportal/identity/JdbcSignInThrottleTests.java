package dev.mfaportal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalJdbcTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle on PostgreSQL (S13). The database is shared by every test class of the context, so each
 * test uses its own login names.
 */
@PortalJdbcTest
class JdbcSignInThrottleTests {

	static final Duration WINDOW = Duration.ofMinutes(15);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionOperations transactions;

	Instant now = Instant.parse("2026-11-28T12:00:00Z");

	JdbcSignInThrottle throttle;

	String user;

	@BeforeEach
	void setUp() {
		this.throttle = new JdbcSignInThrottle(this.jdbc, this.transactions, 3, 5, WINDOW, new Clock() {

			@Override
			public Instant instant() {
				return JdbcSignInThrottleTests.this.now;
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

		});
		this.user = "user-" + UUID.randomUUID();
	}

	@Test
	void lockedUntilWhenFewerFailuresThanTheLimitThenFree() {
		failTimes(2);
		assertThat(this.throttle.lockedUntil(this.user)).isEmpty();
	}

	@Test
	void lockedUntilWhenLimitReachedThenUntilTheOldestFailureLeavesTheWindow() {
		Instant first = this.now;
		failTimes(3);
		assertThat(this.throttle.lockedUntil(this.user)).hasValue(first.plus(WINDOW));
	}

	@Test
	void lockedUntilWhenFailuresAgedOutThenFreeAgain() {
		failTimes(3);
		this.now = this.now.plus(WINDOW).plusSeconds(60);
		assertThat(this.throttle.lockedUntil(this.user)).isEmpty();
	}

	@Test
	void resetForgetsTheFailures() {
		failTimes(3);
		this.throttle.reset(this.user);
		assertThat(this.throttle.lockedUntil(this.user)).isEmpty();
	}

	@Test
	void failuresOfOneLoginDoNotLockAnother() {
		failTimes(3);
		assertThat(this.throttle.lockedUntil(this.user + "-other")).isEmpty();
	}

	@Test
	void veryLongLoginNamesAreCountedUnderTheirFirst200Characters() {
		this.user = this.user + "x".repeat(300);
		failTimes(3);
		assertThat(this.throttle.lockedUntil(this.user)).isPresent();
	}

	@Test
	void failuresOlderThanTheWindowAreDeleted() {
		failTimes(1);
		this.now = this.now.plus(WINDOW).plusSeconds(1);
		this.throttle.recordFailure("someone-else-" + UUID.randomUUID(), "10.0.0.1");
		Integer left = this.jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE username = ?")
			.param(this.user)
			.query(Integer.class)
			.single();
		assertThat(left).isZero();
	}

	@Test
	void beginWhenAllowedThenTheAttemptCountsUntilReleased() {
		String ip = "ip-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.begin(this.user, ip)).isEmpty();
		}
		assertThat(this.throttle.begin(this.user, ip)).isPresent();
		this.throttle.release(this.user, ip);
		assertThat(this.throttle.begin(this.user, ip)).isEmpty();
	}

	@Test
	void beginWhenTheAddressReachedItsLimitThenEveryLoginFromItIsRefused() {
		String ip = "ip-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			this.throttle.recordFailure(this.user + "-" + i, ip);
		}
		assertThat(this.throttle.begin(this.user + "-fresh", ip)).hasValue(this.now.plus(WINDOW));
		assertThat(this.throttle.begin(this.user + "-fresh", "other-" + ip)).isEmpty();
	}

	void failTimes(int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.recordFailure(this.user, "10.0.0.1");
			this.now = this.now.plusSeconds(10);
		}
	}

}
