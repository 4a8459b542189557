package dev.mfaportal.coverage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mfaportal.PortalJdbcTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage tables (V70): the last good report round-trips with its scope, a new one replaces it, and the right
 * to ask IAM for a generation goes to exactly one caller per interval however many ask at once, which is what
 * keeps the rate limit across portal instances. No test transaction: the claims race on their own connections.
 */
@PortalJdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CoverageStoreTests {

	static final Duration INTERVAL = Duration.ofHours(4);

	@Autowired
	JdbcClient jdbc;

	ReportStore reports;

	RefreshStore refresh;

	@BeforeEach
	void clear() {
		CoverageScene.clear(this.jdbc);
		this.reports = new ReportStore(this.jdbc);
		this.refresh = new RefreshStore(this.jdbc);
	}

	@Test
	void saveWhenStoredTwiceThenTheSecondReplacesTheFirstWithItsScope() {
		Instant generated = Instant.parse("2026-11-30T08:00:00Z");
		this.reports.save(new StoredReport(generated, generated.plusSeconds(60), "first".getBytes(StandardCharsets.UTF_8),
				"/", List.of("alice"), List.of(1)));
		this.reports.save(new StoredReport(generated.plusSeconds(3600), generated.plusSeconds(3700),
				"second".getBytes(StandardCharsets.UTF_8), "/employees/", List.of("alice", "bob"), List.of(2, 0)));

		StoredReport stored = this.reports.load().orElseThrow();

		assertThat(stored.generatedAt()).isEqualTo(generated.plusSeconds(3600));
		assertThat(new String(stored.content(), StandardCharsets.UTF_8)).isEqualTo("second");
		assertThat(stored.scopePath()).isEqualTo("/employees/");
		assertThat(stored.scopeUsers()).containsExactly("alice", "bob");
		assertThat(stored.scopeDevices()).containsExactly(2, 0);
		assertThat(this.reports.version()).contains(generated.plusSeconds(3700));
	}

	@Test
	void recordWhenAFailureFollowsAReportThenTheNewestReportSeenIsKept() {
		Instant now = Instant.parse("2026-11-30T08:00:00Z");
		this.refresh.record(RefreshState.CURRENT, now, now.minusSeconds(60));
		this.refresh.record(RefreshState.UNAVAILABLE, now.plusSeconds(30), null, "Throttling", "req-1", null);

		RefreshStatus status = this.refresh.status();

		assertThat(status.state()).isEqualTo(RefreshState.UNAVAILABLE);
		assertThat(status.seenGeneratedAt()).isEqualTo(now.minusSeconds(60));
		assertThat(status.awsErrorCode()).isEqualTo("Throttling");
		assertThat(status.awsRequestId()).isEqualTo("req-1");
	}

	@Test
	void claimGenerationWhenSixteenAskAtOnceThenExactlyOneMayGenerate() throws Exception {
		Instant now = Instant.parse("2026-11-30T08:00:00Z");
		int callers = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Callable<Boolean>> claims = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				claims.add(() -> {
					start.await();
					return this.refresh.claimGeneration(now, INTERVAL);
				});
			}
			List<Future<Boolean>> results = claims.stream().map(pool::submit).toList();
			start.countDown();
			long granted = 0;
			for (Future<Boolean> result : results) {
				granted += result.get() ? 1 : 0;
			}
			assertThat(granted).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.refresh.status().generationRequestedAt()).isEqualTo(now);
		assertThat(this.refresh.claimGeneration(now.plus(INTERVAL).minusSeconds(1), INTERVAL)).isFalse();
		assertThat(this.refresh.claimGeneration(now.plus(INTERVAL), INTERVAL)).isTrue();
	}

}
