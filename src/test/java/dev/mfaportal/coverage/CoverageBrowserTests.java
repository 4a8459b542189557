package dev.mfaportal.coverage;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.microsoft.playwright.Page;
import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin sees on the coverage page, in Chromium: the headline, the trend, the table, a filter and the way to
 * the help desk. Its screenshot is {@code docs/images/admin-coverage.png}.
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class CoverageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	@BeforeEach
	void demoAccount() {
		CoverageScene scene = new CoverageScene(this.context).reset().withDemoUsers();
		// Four weeks of history, as a portal that has run for a while has: coverage rising towards today's.
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		for (int daysAgo = 28; daysAgo >= 1; daysAgo--) {
			this.jdbc.sql("""
					INSERT INTO coverage_daily (day, users, with_mfa, report_generated_at, recorded_at)
					VALUES (:day, 38, :withMfa, now(), now())
					""").param("day", today.minusDays(daysAgo)).param("withMfa", 10 + (28 - daysAgo) / 2).update();
		}
		scene.fetchReport();
	}

	@Test
	void adminSeesCoverageFiltersUsersWithoutMfaAndOpensOneInTheHelpDesk(Page page) {
		BrowserSupport.signIn(page, baseUrl(), "alice", "alice");
		page.context().clearCookies();
		BrowserSupport.signIn(page, baseUrl(), "admin", "admin");

		page.click("#nav-coverage");
		// The whole page, not just the table's first rows: it is long, and the browser parses it as it arrives.
		page.waitForURL((url) -> url.endsWith("/admin/coverage"));
		assertThat(page.textContent("#coverage-percent")).isEqualTo("63.1%");
		assertThat(page.locator("table#mfa-coverage tr[data-iam-user]").count()).isEqualTo(38);
		assertThat(page.locator("#coverage-trend svg g.covered").count()).isEqualTo(28);
		BrowserSupport.screenshot(page, "admin-coverage");

		page.selectOption("#coverage-filter select[name=show]", "no-mfa");
		page.click("#coverage-filter button[type=submit]");
		page.waitForURL((url) -> url.contains("show=no-mfa"));
		assertThat(page.locator("tr[data-mfa=true]").count()).isZero();
		assertThat(page.locator("tr[data-mfa=false]").count()).isEqualTo(14);
		BrowserSupport.screenshot(page, "admin-coverage-no-mfa");

		page.click("tr[data-iam-user='alice'] a.helpdesk-link");
		page.waitForURL((url) -> url.endsWith("/admin/employees/alice"));
		assertThat(page.textContent("h1")).contains("alice");
	}

}
