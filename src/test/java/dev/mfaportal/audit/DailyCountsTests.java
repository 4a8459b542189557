package dev.mfaportal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's hourly roll-up says exactly what counting the events says, wherever it is used. */
@AuditJdbcTest
class DailyCountsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ChainKey key;

	void record(String action, AuditOutcome outcome, String at) {
		AuditTestRows.log(this.jdbc, this.transactionManager, this.key, Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
			.record(AuditEvent.of(action, outcome).portalUser("chart"));
	}

	@Test
	void countWhenNoUserFilterThenHourlyRollUpMatchesTheEvents() {
		String action = "test.chart-" + UUID.randomUUID().toString().substring(0, 8);
		// Around the end of US daylight saving time, and across New York midnight.
		record(action, AuditOutcome.FAILURE, "2026-10-31T03:59:59.999999Z");
		record(action, AuditOutcome.FAILURE, "2026-10-31T04:00:00Z");
		record(action, AuditOutcome.DENIED, "2026-11-01T05:30:00Z");
		record(action, AuditOutcome.DENIED, "2026-11-01T06:10:00Z");
		record(action, AuditOutcome.FAILURE, "2026-11-02T05:00:00Z");
		AuditFilter filter = new AuditFilter(null, null, action, null, LocalDate.parse("2026-10-30"),
				LocalDate.parse("2026-11-02"), "America/New_York");
		DailyCounts counts = new DailyCounts(this.jdbc);

		var hourly = counts.fromHourly(filter, filter.from(), filter.to());
		var events = counts.fromEvents(filter, filter.from(), filter.to());

		assertThat(hourly).containsExactlyInAnyOrderElementsOf(events);
		assertThat(counts.count(filter, LocalDate.parse("2026-11-28"), 92)).extracting(DailyCounts.Day::failed,
				DailyCounts.Day::denied)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0L), org.assertj.core.groups.Tuple.tuple(1L, 0L),
					org.assertj.core.groups.Tuple.tuple(0L, 2L), org.assertj.core.groups.Tuple.tuple(1L, 0L));
	}

	@Test
	void wholeHoursWhenZoneHasHalfHourOffsetsThenRollUpIsNotUsed() {
		LocalDate first = LocalDate.parse("2026-01-01");
		LocalDate last = LocalDate.parse("2026-12-31");

		assertThat(DailyCounts.wholeHours(ZoneId.of("Europe/Berlin"), first, last)).isTrue();
		assertThat(DailyCounts.wholeHours(ZoneId.of("UTC"), first, last)).isTrue();
		assertThat(DailyCounts.wholeHours(ZoneId.of("Asia/Kolkata"), first, last)).isFalse();
		assertThat(DailyCounts.wholeHours(ZoneId.of("Australia/Lord_Howe"), first, last)).isFalse();
	}

}
