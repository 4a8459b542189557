package dev.mfaportal.audit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mfaportal.Concurrently;
import dev.mfaportal.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S43: refusals flooding in from one source take a few rows a minute, and one more row counts the rest exactly.
 * Each test uses a portal user of its own; the clock is moved to the start of a minute first, so a test's
 * refusals all fall into one minute.
 */
@AuditJdbcTest
class RefusalFloodTests {

	@Autowired
	JdbcAuditLog auditLog;

	@Autowired
	RefusalFlood flood;

	@Autowired
	CountedRows countedRows;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	ChainKey key;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	final String user = "flood-" + UUID.randomUUID().toString().substring(0, 8);

	AuditEvent lockedOut() {
		return AuditEvent.of("credentials.denied", AuditOutcome.DENIED)
			.portalUser(this.user)
			.detail("reason", "too-many-attempts")
			.detail("scope", "employee");
	}

	void atTheStartOfAMinute() {
		this.clock.advance(Duration.between(this.clock.instant(),
				this.clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusMillis(1)));
	}

	List<AuditRow> rowsOfUser() {
		return this.jdbc.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE portal_user = ? ORDER BY id")
			.param(this.user)
			.query(AuditRow.MAPPER)
			.list();
	}

	static long represented(List<AuditRow> rows) {
		return rows.stream()
			.mapToLong((row) -> Long.parseLong(row.detail().getOrDefault(RefusalFlood.SUPPRESSED, "0"))
					+ (row.detail().containsKey(RefusalFlood.SUPPRESSED) ? 0 : 1))
			.sum();
	}

	@Test
	void recordWhenOneSourceIsRefusedAHundredTimesInAMinuteThenThreeRowsAndOneCountingTheOtherNinetySeven() {
		atTheStartOfAMinute();
		for (int i = 0; i < 100; i++) {
			this.auditLog.record(lockedOut());
		}
		assertThat(rowsOfUser()).hasSize(3);

		this.clock.advance(Duration.ofMinutes(1));
		this.countedRows.writeEndedMinutes();

		List<AuditRow> rows = rowsOfUser();
		assertThat(rows).hasSize(4);
		assertThat(rows.get(3).detail()).containsEntry(RefusalFlood.SUPPRESSED, "97")
			.containsEntry("reason", "too-many-attempts")
			.containsEntry("scope", "employee")
			.containsKeys("minute", "firstSuppressedAt", "lastSuppressedAt");
		assertThat(rows.get(3).action()).isEqualTo("credentials.denied");
		assertThat(represented(rows)).isEqualTo(100);
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void recordWhenEightThreadsAreRefusedAtOnceThenEveryRefusalIsCountedExactly() throws Exception {
		atTheStartOfAMinute();
		Concurrently.run(8, (thread) -> () -> {
			for (int i = 0; i < 50; i++) {
				this.auditLog.record(lockedOut());
			}
			return null;
		});
		this.clock.advance(Duration.ofMinutes(1));
		this.countedRows.writeEndedMinutes();

		assertThat(rowsOfUser()).hasSize(4);
		assertThat(represented(rowsOfUser())).isEqualTo(400);
	}

	@Test
	void recordWhenTheNextMinutesRefusalComesThenThePreviousMinutesCountIsWrittenBeforeIt() {
		atTheStartOfAMinute();
		for (int i = 0; i < 5; i++) {
			this.auditLog.record(lockedOut());
		}
		this.clock.advance(Duration.ofMinutes(1));
		this.auditLog.record(lockedOut());

		List<AuditRow> rows = rowsOfUser();
		assertThat(rows).hasSize(5);
		assertThat(rows.get(3).detail()).containsEntry(RefusalFlood.SUPPRESSED, "2");
		assertThat(rows.get(4).detail()).doesNotContainKey(RefusalFlood.SUPPRESSED);
	}

	@Test
	void recordWhenShuttingDownThenTheCurrentMinutesCountIsWritten() {
		atTheStartOfAMinute();
		for (int i = 0; i < 10; i++) {
			this.auditLog.record(lockedOut());
		}

		this.countedRows.writeCountsOnShutdown();

		assertThat(represented(rowsOfUser())).isEqualTo(10);
		assertThat(rowsOfUser()).hasSize(4);
	}

	@Test
	void recordWhenTheCountCannotBeWrittenThenItIsKeptAndWrittenLater() {
		DriverManagerDataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "x", "y");
		CountedRows unreachable = new CountedRows(this.flood, new ChainAppender(JdbcClient.create(nowhere),
				new DataSourceTransactionManager(nowhere), this.clock, this.key));
		atTheStartOfAMinute();
		for (int i = 0; i < 3 + 6; i++) {
			this.auditLog.record(lockedOut());
		}
		this.clock.advance(Duration.ofMinutes(1));

		unreachable.writeEndedMinutes();
		this.countedRows.writeEndedMinutes();

		assertThat(represented(rowsOfUser())).isEqualTo(9);
	}

	@Test
	void recordWhenFromAnotherSourceOrNotARefusalThenEachHasItsOwnRow() {
		atTheStartOfAMinute();
		for (int i = 0; i < 5; i++) {
			this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE)
				.portalUser(this.user)
				.detail("reason", "BadCredentialsException"));
			this.auditLog.record(AuditEvent.of("credentials.issued", AuditOutcome.SUCCESS).portalUser(this.user));
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setRemoteAddr("203.0.113." + i);
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
			try {
				this.auditLog.record(lockedOut());
			}
			finally {
				RequestContextHolder.resetRequestAttributes();
			}
		}

		assertThat(rowsOfUser()).hasSize(15).noneMatch((row) -> row.detail().containsKey(RefusalFlood.SUPPRESSED));
	}

	@Test
	void recordWhenASignInIsRefusedByTheLockoutThenItIsCountedToo() {
		atTheStartOfAMinute();
		for (int i = 0; i < 20; i++) {
			this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE)
				.portalUser(this.user)
				.detail("reason", "LockedException"));
		}

		assertThat(rowsOfUser()).hasSize(3);
		this.countedRows.writeCountsOnShutdown();
		assertThat(represented(rowsOfUser())).isEqualTo(20);
	}

}
