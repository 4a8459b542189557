package dev.mfaportal.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mfaportal.PortalJdbcTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

@PortalJdbcTest
class JdbcCodeGuardTests {

	private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

	@Autowired
	private DataSource dataSource;

	private JdbcClient jdbc;

	private Instant now = START;

	private JdbcCodeGuard guard;

	// Every test has its own employee, IP and device: the database is shared with other test classes.
	private final String user = "user-" + UUID.randomUUID();

	private final String ip = "ip-" + UUID.randomUUID();

	private final String serial = "arn:aws:iam::123456789012:mfa/mfa-portal/" + UUID.randomUUID();

	@BeforeEach
	void guard() {
		this.jdbc = JdbcClient.create(this.dataSource);
		GuardProperties properties = new GuardProperties(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(90),
				Base64.getEncoder().encodeToString(new byte[32]), Duration.ofMinutes(5));
		this.guard = new JdbcCodeGuard(this.jdbc, transactions(), properties, new Clock() {

			@Override
			public Instant instant() {
				return JdbcCodeGuardTests.this.now;
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

		});
	}

	@Test
	void constructionWhenCodeKeyShorterThan256BitsThenStartupFailsNamingTheProperty() {
		GuardProperties shortKey = new GuardProperties(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(90),
				Base64.getEncoder().encodeToString(new byte[16]), Duration.ofMinutes(5));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new JdbcCodeGuard(this.jdbc, transactions(), shortKey, Clock.systemUTC()))
			.withMessageContaining("portal.guard.code-key");
	}

	@Test
	void ensureAllowedWhenFewerWrongCodesThanLimitThenAllowed() {
		wrongCodesOneMinuteApart(2, this.user, this.ip);
		assertThatNoException().isThrownBy(() -> this.guard.ensureAllowed(this.user, this.ip));
	}

	@Test
	void ensureAllowedWhenEmployeeReachedLimitThenRefusedUntilFirstCountedCodeLeavesWindow() {
		wrongCodesOneMinuteApart(3, this.user, this.ip);
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.guard.ensureAllowed(this.user, "another-ip"))
			.extracting(TooManyAttemptsException::retryAt)
			.isEqualTo(START.plus(Duration.ofMinutes(15)));
		this.now = START.plus(Duration.ofMinutes(15)).plusSeconds(1);
		assertThatNoException().isThrownBy(() -> this.guard.ensureAllowed(this.user, this.ip));
	}

	@Test
	void ensureAllowedWhenSourceIpReachedLimitThenRefusedForEveryEmployee() {
		for (int i = 0; i < 5; i++) {
			this.guard.recordWrongCode(this.user + i, this.ip);
		}
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.guard.ensureAllowed("someone-else-" + this.user, this.ip));
		assertThatNoException().isThrownBy(() -> this.guard.ensureAllowed("someone-else-" + this.user, "other-ip"));
	}

	@Test
	void ensureAllowedWhenBothLimitsReachedThenRetryAtIsTheLaterOne() {
		wrongCodesOneMinuteApart(3, this.user, "first-" + this.ip);
		for (int i = 0; i < 5; i++) {
			this.guard.recordWrongCode("other-" + i + this.user, this.ip);
		}
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.guard.ensureAllowed(this.user, this.ip))
			.extracting(TooManyAttemptsException::retryAt)
			.isEqualTo(this.now.plus(Duration.ofMinutes(15)));
	}

	@Test
	void claimWhenSameCodeForSameDeviceWithinLifetimeThenAlreadyUsed() {
		this.guard.claim(this.serial, "123456");
		this.now = this.now.plusSeconds(89);
		assertThatExceptionOfType(CodeAlreadyUsedException.class)
			.isThrownBy(() -> this.guard.claim(this.serial, "123456"));
	}

	@Test
	void claimWhenSameCodeForAnotherDeviceOrAnotherCodeThenAllowed() {
		this.guard.claim(this.serial, "123456");
		assertThatNoException().isThrownBy(() -> this.guard.claim(this.serial + "-2", "123456"));
		assertThatNoException().isThrownBy(() -> this.guard.claim(this.serial, "123457"));
	}

	@Test
	void claimWhenLifetimePassedThenAllowedAgain() {
		this.guard.claim(this.serial, "123456");
		this.now = this.now.plusSeconds(90);
		assertThatNoException().isThrownBy(() -> this.guard.claim(this.serial, "123456"));
	}

	@Test
	void claimWhenStoredThenOnlyAKeyedHashIsKept() {
		this.guard.claim(this.serial, "987123");
		List<Map<String, Object>> rows = this.jdbc.sql("SELECT * FROM guard_claimed_code").query().listOfRows();
		assertThat(rows).isNotEmpty().allSatisfy((row) -> {
			assertThat(row.keySet()).containsExactlyInAnyOrder("code_hash", "expires_at");
			assertThat((byte[]) row.get("code_hash")).hasSize(32);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM guard_claimed_code WHERE code_hash::text LIKE '%987123%'"
				+ " OR encode(code_hash, 'escape') LIKE '%987123%'").query(Long.class).single()).isZero();
	}

	@Test
	void purgeWhenCountersLeftWindowAndClaimsExpiredThenDeleted() {
		this.guard.recordWrongCode(this.user, this.ip);
		this.guard.claim(this.serial, "123456");
		this.now = this.now.plus(Duration.ofMinutes(16));
		this.guard.purge();
		assertThat(this.jdbc.sql("SELECT count(*) FROM guard_wrong_code WHERE portal_user = ?")
			.param(this.user)
			.query(Long.class)
			.single()).isZero();
		assertThatNoException().isThrownBy(() -> this.guard.claim(this.serial, "123456"));
	}

	@Test
	void ensureAllowedWhenAttemptsInFlightReachTheLimitThenRefusedBeforeAnyIsCounted() {
		for (int i = 0; i < 3; i++) {
			this.guard.ensureAllowed(this.user, this.ip);
		}
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.guard.ensureAllowed(this.user, "another-" + this.ip));
	}

	@Test
	void releaseWhenAttemptEndedWithoutWrongCodeThenItNoLongerCounts() {
		for (int i = 0; i < 3; i++) {
			this.guard.ensureAllowed(this.user, this.ip);
			this.guard.release(this.user, this.ip);
		}
		assertThatNoException().isThrownBy(() -> this.guard.ensureAllowed(this.user, this.ip));
		assertThat(rowsOf(this.user)).isEqualTo(1);
	}

	@Test
	void recordWrongCodeWhenAttemptInFlightThenThatAttemptIsKeptNotASecondRow() {
		this.guard.ensureAllowed(this.user, this.ip);
		this.guard.recordWrongCode(this.user, this.ip);
		this.guard.release(this.user, this.ip);
		assertThat(rowsOf(this.user)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM guard_wrong_code WHERE portal_user = ? AND in_flight")
			.param(this.user)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void ensureAllowedWhenTwelveEmployeesOnOneIpTryAtOnceThenOnlyTheIpLimitPasses() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(12);
		try {
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String employee = this.user + "-" + i;
				answers.add(threads.submit(() -> {
					gate.await();
					try {
						this.guard.ensureAllowed(employee, this.ip);
						return true;
					}
					catch (TooManyAttemptsException ex) {
						return false;
					}
				}));
			}
			gate.countDown();
			int allowed = 0;
			for (Future<Boolean> answer : answers) {
				allowed += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(5);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private long rowsOf(String user) {
		return this.jdbc.sql("SELECT count(*) FROM guard_wrong_code WHERE portal_user = ?")
			.param(user)
			.query(Long.class)
			.single();
	}

	private TransactionOperations transactions() {
		return new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
	}

	private void wrongCodesOneMinuteApart(int count, String user, String ip) {
		for (int i = 0; i < count; i++) {
			this.guard.recordWrongCode(user, ip);
			if (i < count - 1) {
				this.now = this.now.plus(Duration.ofMinutes(1));
			}
		}
	}

}
