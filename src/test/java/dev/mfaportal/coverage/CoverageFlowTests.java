package dev.mfaportal.coverage;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.TestClock;
import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /admin/coverage} over real HTTP against the running portal, with the sandbox account's three dozen demo
 * employees under {@code /employees/} (two in three with an MFA device) besides alice and bob: the rows, the
 * headline, the filters, the export, and what the page says when IAM's report is missing, throttled or malformed.
 */
@PortalFlowTest
class CoverageFlowTests {

	/** alice, bob and the 36 demo users; 24 demo users have a device. */
	static final int IN_SCOPE = 38;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	ReportRefresh refresh;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	TestClock clock;

	CoverageScene scene;

	@BeforeEach
	void reset() {
		this.scene = new CoverageScene(this.context).reset().withDemoUsers();
	}

	void fetchReport() {
		this.scene.fetchReport();
	}

	PortalClient admin() {
		return PortalClient.signedIn(this.port, "admin");
	}

	static List<Element> rows(Document page) {
		return page.select("table#mfa-coverage tr[data-iam-user]");
	}

	static Element row(Document page, String iamUser) {
		return page.selectFirst("table#mfa-coverage tr[data-iam-user=\"" + iamUser + "\"]");
	}

	@Test
	void pageWhenReportStoredThenARowPerUserInScopeWithMfaKeysAndPortalActivity() {
		PortalClient.signedIn(this.port, "alice");
		fetchReport();

		Document page = admin().page("/admin/coverage");

		assertThat(rows(page)).hasSize(IN_SCOPE);
		assertThat(page.selectFirst("#coverage-percent").text()).isEqualTo("63.1%");
		assertThat(page.select("#coverage-report-age").text()).contains("Credential report generated");
		assertThat(page.selectFirst("#coverage-state")).as("nothing to report beside a current report").isNull();
		Element alice = row(page, "alice");
		assertThat(alice.attr("data-mfa")).isEqualTo("false");
		assertThat(alice.selectFirst("td.devices").text()).isEqualTo("0");
		assertThat(alice.selectFirst("td.activity time")).isNotNull();
		assertThat(alice.selectFirst("a.helpdesk-link").attr("href")).isEqualTo("/admin/employees/alice");
		Element ben = row(page, "ben.carter");
		assertThat(ben.attr("data-mfa")).isEqualTo("true");
		assertThat(ben.selectFirst("td.devices").text()).isEqualTo("1");
		assertThat(ben.selectFirst("td.activity").text()).isEqualTo("never");
		Element amelia = row(page, "amelia.hughes");
		assertThat(amelia.selectFirst("td.keys .key").attr("data-age-days")).isEqualTo("200");
		assertThat(amelia.selectFirst("td.keys").text()).contains("200 days old, last used");
		assertThat(row(page, "elena.petrova").selectFirst("td.keys").text()).isEqualTo("none");
		assertThat(page.selectFirst("#nav-coverage").attr("aria-current")).isEqualTo("page");
	}

	@Test
	void filterWhenNoMfaOldKeysOrNeverUsedThenOnlyTheMatchingUsers() {
		PortalClient.signedIn(this.port, "bob");
		fetchReport();
		PortalClient admin = admin();

		List<Element> withoutMfa = rows(admin.page("/admin/coverage?show=no-mfa"));
		assertThat(withoutMfa).hasSize(14).allSatisfy((row) -> assertThat(row.attr("data-mfa")).isEqualTo("false"));

		List<Element> oldKeys = rows(admin.page("/admin/coverage?show=old-keys&days=90&sort=key-age"));
		assertThat(oldKeys).hasSize(17).allSatisfy((row) -> assertThat(row.select(".key").eachAttr("data-age-days"))
			.anySatisfy((days) -> assertThat(Integer.parseInt(days)).isGreaterThan(90)));
		assertThat(oldKeys.get(0).attr("data-iam-user")).as("oldest key first").isIn("alice", "bob");

		// The audit log outlives each test, so other tests' sign-ins count too: only bob's is known to be there.
		List<Element> neverUsed = rows(admin.page("/admin/coverage?show=never-used"));
		assertThat(neverUsed).extracting((row) -> row.attr("data-iam-user")).contains("ben.carter").doesNotContain("bob");
		assertThat(neverUsed).allSatisfy((row) -> assertThat(row.selectFirst("td.activity").text()).isEqualTo("never"));
	}

	@Test
	void sortAndPagesWhenMoreUsersThanAPageThenStableAcrossPages() {
		for (int i = 0; i < 20; i++) {
			this.sandbox.users().create("zz-contractor-%02d".formatted(i), SandboxAccount.EMPLOYEES_PATH);
		}
		fetchReport();
		PortalClient admin = admin();

		Document first = admin.page("/admin/coverage?sort=user&dir=desc");
		assertThat(rows(first)).hasSize(50);
		assertThat(rows(first).get(0).attr("data-iam-user")).isEqualTo("zz-contractor-19");
		assertThat(first.selectFirst("#coverage-page-number").text()).isEqualTo("Page 1 of 2");
		Document second = admin.page(first.selectFirst("#coverage-next-page").attr("href"));
		assertThat(rows(second)).hasSize(IN_SCOPE + 20 - 50);
		assertThat(rows(second).get(rows(second).size() - 1).attr("data-iam-user")).isEqualTo("aaron.fischer");

		Document mfaFirst = admin.page("/admin/coverage?sort=mfa&page=1");
		assertThat(rows(mfaFirst).get(0).attr("data-mfa")).isEqualTo("false");
		assertThat(admin.page("/admin/coverage?sort=nonsense&page=99&days=-4").selectFirst("#coverage-page-number").text())
			.as("unknown values fall back, a page beyond the last shows the last").isEqualTo("Page 2 of 2");
	}

	@Test
	void csvWhenUsersWithoutMfaExportedThenEveryMatchingRowWithSafeCellsAndTheExportAudited() {
		this.sandbox.users().create("=1+2", SandboxAccount.EMPLOYEES_PATH);
		fetchReport();
		PortalClient admin = admin();
		String link = admin.page("/admin/coverage").selectFirst("#coverage-no-mfa-csv-link").attr("href");

		PortalClient.Page csv = admin.get(link);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"coverage-no-mfa-");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo(quoted(CoverageCsv.HEADER.toArray(String[]::new)));
		assertThat(lines).hasSize(1 + 15);
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith(quoted("'=1+2", "true", "false", "0") + ","));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith(quoted("alice", "true", "false", "0", "false", "", "2024-01-01T00:00:00Z") + ","));
		assertThat(csv.body()).doesNotContain("ben.carter");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'coverage.exported' AND portal_user = 'admin'"
				+ " AND detail->>'show' = 'no-mfa' AND detail->>'rows' = '15'").query(Integer.class).single()).isPositive();
	}

	@Test
	void pageWhenNoReportYetThenSaysSoInsteadOfAnError() {
		PortalClient.Page page = admin().get("/admin/coverage");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().selectFirst("#coverage-empty")).isNotNull();
		assertThat(page.document().selectFirst("#coverage-state").attr("data-state")).isEqualTo("NONE");
		assertThat(page.document().selectFirst("table#mfa-coverage")).isNull();
		assertThat(admin().get("/admin/coverage.csv").body().lines()).containsExactly(quoted(CoverageCsv.HEADER.toArray(String[]::new)));
	}

	@Test
	void refreshWhenThrottledThenThePageNamesTheStateAndStillShowsTheLastGoodReport() {
		fetchReport();
		this.sandbox.inject(SandboxFault.throttling().onlyFor("GetCredentialReport"));
		PortalClient admin = admin();

		PortalClient.Page pressed = admin.submit(admin.get("/admin/coverage"), "form#coverage-refresh", Map.of());

		assertThat(pressed.status()).isEqualTo(200);
		assertThat(pressed.document().selectFirst("#coverage-refresh-started")).isNotNull();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Document page = admin.page("/admin/coverage");
			assertThat(page.select("#coverage-state").attr("data-state")).isEqualTo("UNAVAILABLE");
			assertThat(page.select("#coverage-state").text()).contains("Throttling", "last report that could be read");
			assertThat(rows(page)).hasSize(IN_SCOPE);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'coverage.refresh-requested' AND portal_user = 'admin'")
			.query(Integer.class).single()).isPositive();
	}

	@Test
	void refreshWhenTheReportIsMalformedThenThePageSaysWhatIsWrongAndShowsTheLastGoodReport() {
		fetchReport();
		this.sandbox.credentialReport().tamper((csv) -> csv.replace(",true,", ",maybe,"));

		this.refresh.requested();
		Document page = admin().page("/admin/coverage");

		assertThat(page.selectFirst("#coverage-state").attr("data-state")).isEqualTo("MALFORMED");
		assertThat(page.selectFirst("#coverage-state").text()).contains("is not true or false").doesNotContain("maybe");
		assertThat(rows(page)).hasSize(IN_SCOPE);
	}

	@Test
	void pageWhenIamHasNoReportAndTheIntervalForbidsAskingThenSaysWhenItWillAsk() {
		fetchReport();
		this.sandbox.credentialReport().discard();

		this.refresh.requested();
		Document page = admin().page("/admin/coverage");

		assertThat(page.selectFirst("#coverage-state").attr("data-state")).isEqualTo("NOT_PRESENT");
		assertThat(page.selectFirst("#coverage-state").text()).contains("IAM has no credential report", "UTC");
		assertThat(rows(page)).hasSize(IN_SCOPE);
	}

	@Test
	void pageWhenPortalActivityOlderThanItsMaxAgeThenReadAgainInTheBackgroundWhilePagesStayServed() {
		fetchReport();
		PortalClient admin = admin();
		assertThat(row(admin.page("/admin/coverage"), "chen.li").selectFirst("td.activity").text()).isEqualTo("never");
		this.auditLog.record(AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS).portalUser("chen.li").iamUser("chen.li"));

		assertThat(row(admin.page("/admin/coverage"), "chen.li").selectFirst("td.activity").text())
			.as("activity read less than a minute ago is reused").isEqualTo("never");

		this.clock.advance(Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				row(admin.page("/admin/coverage"), "chen.li").select("td.activity time").attr("datetime")).isNotEmpty());
	}

	@Test
	void coverageWhenPlainEmployeeThenForbidden() {
		PortalClient bob = PortalClient.signedIn(this.port, "bob");

		assertThat(bob.get("/admin/coverage").status()).isEqualTo(403);
		assertThat(bob.get("/admin/coverage.csv").status()).isEqualTo(403);
		assertThat(bob.page("/").selectFirst("#nav-coverage")).isNull();
	}

	/** The export quotes every cell (RFC 4180), as the audit export does. */
	private static String quoted(String... cells) {
		return java.util.Arrays.stream(cells).map((cell) -> "\"" + cell + "\"").collect(java.util.stream.Collectors.joining(","));
	}

}
