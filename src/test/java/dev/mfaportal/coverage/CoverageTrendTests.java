package dev.mfaportal.coverage;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.TestClock;
import dev.mfaportal.sandbox.SandboxAccount;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend: one point per UTC day, written once however often the check runs, and drawn on the page.
 */
@PortalFlowTest
class CoverageTrendTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CoverageTrend trend;

	@Autowired
	ReportRefresh refresh;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	TestClock clock;

	CoverageScene scene;

	@BeforeEach
	void reset() {
		this.scene = new CoverageScene(this.context).reset();
	}

	void fetchReport() {
		this.scene.fetchReport();
	}

	@Test
	void recordTodayWhenRunAgainTheSameDayThenTheFirstPointStays() {
		this.trend.recordToday();
		assertThat(this.trend.lastDays(90)).as("no report, no point").isEmpty();
		fetchReport();

		this.trend.recordToday();
		this.sandbox.devices().createEnabled("alice", "/", "alice-phone");
		this.refresh.requested();
		this.trend.recordToday();

		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		assertThat(this.trend.lastDays(90)).containsExactly(new CoverageTrend.Point(today, 2, 0));
	}

	@Test
	void recordTodayOnTheNextDayThenASecondPointDrawnAsASecondBar() {
		fetchReport();
		this.trend.recordToday();
		this.sandbox.devices().createEnabled("alice", "/", "alice-phone");
		this.sandbox.credentialReport().age(Duration.ofDays(1));
		this.clock.advance(Duration.ofDays(1));

		fetchReport();
		this.trend.recordToday();

		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		assertThat(this.trend.lastDays(90)).containsExactly(new CoverageTrend.Point(today.minusDays(1), 2, 0),
				new CoverageTrend.Point(today, 2, 1));
		Document page = PortalClient.signedIn(this.port, "admin").page("/admin/coverage");
		assertThat(page.select("#coverage-trend svg g.covered")).extracting((bar) -> bar.attr("aria-label"))
			.containsExactly(today.minusDays(1) + ": 0%", today + ": 50%");
	}

}
