package dev.mfaportal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuditWebTest
class AuditViewControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ChainKey key;

	/** A portal user no other test uses, so the shared database's other rows stay out of the way. */
	static String someone() {
		return "u-" + UUID.randomUUID().toString().substring(0, 8);
	}

	AuditLog at(String instant) {
		return AuditTestRows.log(this.jdbc, this.transactionManager, this.key,
				Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

	Document page(String url) throws Exception {
		return answer(url, status().isOk());
	}

	Document answer(String url, ResultMatcher expectedStatus) throws Exception {
		String html = this.mvc.perform(get(url).with(user("admin").roles("ADMIN")))
			.andExpect(expectedStatus)
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html, "http://localhost");
	}

	static List<Long> ids(Document page) {
		return page.select("tr[data-audit-id]").eachAttr("data-audit-id").stream().map(Long::valueOf).toList();
	}

	@Test
	void listWhenFilteredByPortalUserThenOnlyTheirRowsNewestFirst() throws Exception {
		String user = someone();
		long first = this.auditLog.record(AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS).portalUser(user));
		this.auditLog.record(AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS).portalUser(someone()));
		long second = this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE).portalUser(user));

		Document page = page("/admin/audit?portalUser=" + user);

		assertThat(ids(page)).containsExactly(second, first);
	}

	@Test
	void listWhenMoreThanAPageThenKeysetPagesReturnEveryRowOnceInOrder() throws Exception {
		String user = someone();
		List<Long> written = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			written.add(this.auditLog.record(AuditEvent.of("test.page", AuditOutcome.SUCCESS).portalUser(user)));
		}
		List<Long> seen = new ArrayList<>();
		String url = "/admin/audit?portalUser=" + user;
		int pages = 0;
		while (url != null) {
			Document page = page(url);
			seen.addAll(ids(page));
			pages++;
			Element next = page.selectFirst("#audit-next-page");
			url = (next != null) ? next.attr("href") : null;
		}

		assertThat(pages).isEqualTo(3);
		List<Long> newestFirst = new ArrayList<>(written);
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).isEqualTo(newestFirst);
	}

	@Test
	void listWhenActionAndOutcomeFilteredThenOnlyMatchingRows() throws Exception {
		String user = someone();
		this.auditLog.record(AuditEvent.of("credentials.issued", AuditOutcome.SUCCESS).portalUser(user));
		long failed = this.auditLog.record(AuditEvent.of("credentials.issued", AuditOutcome.FAILURE).portalUser(user));
		this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE).portalUser(user));

		Document page = page("/admin/audit?portalUser=" + user + "&action=credentials.issued&outcome=FAILURE");

		assertThat(ids(page)).containsExactly(failed);
	}

	@Test
	void listWhenAnAttemptPrecedesItsResultThenTheAttemptHasItsOwnBadgeAndFilter() throws Exception {
		String user = someone();
		long attempt = this.auditLog
			.record(AuditEvent.of("enrollment.resync-requested", AuditOutcome.ATTEMPTED).portalUser(user));
		this.auditLog.record(AuditEvent.of("enrollment.resync-failed", AuditOutcome.FAILURE).portalUser(user));

		Document all = page("/admin/audit?portalUser=" + user);
		assertThat(all.selectFirst("tr[data-audit-id=" + attempt + "] .outcome-badge-ATTEMPTED").text())
			.isEqualTo("attempted");
		assertThat(all.select("select[name=outcome] option").eachAttr("value")).contains("ATTEMPTED");
		assertThat(ids(page("/admin/audit?portalUser=" + user + "&outcome=ATTEMPTED"))).containsExactly(attempt);
	}

	@Test
	void listWhenIamUserFilteredThenOnlyTheirRows() throws Exception {
		String iamUser = someone();
		long theirs = this.auditLog.record(AuditEvent.of("enrollment.started", AuditOutcome.SUCCESS)
			.portalUser("x")
			.iamUser(iamUser));
		this.auditLog.record(AuditEvent.of("enrollment.started", AuditOutcome.SUCCESS).portalUser("x").iamUser("other"));

		Document page = page("/admin/audit?iamUser=" + iamUser);

		assertThat(ids(page)).containsExactly(theirs);
		assertThat(page.selectFirst("tr[data-audit-id] a.helpdesk-link").attr("href"))
			.isEqualTo("/admin/employees/" + iamUser);
	}

	@Test
	void listWhenDayRangeGivenThenDaysAreTheViewersOwn() throws Exception {
		String user = someone();
		long lateUtc = at("2026-03-10T23:30:00Z").record(AuditEvent.of("test.zone", AuditOutcome.SUCCESS).portalUser(user));
		long earlyUtc = at("2026-03-11T00:30:00Z").record(AuditEvent.of("test.zone", AuditOutcome.SUCCESS).portalUser(user));
		long tokyoNextDay = at("2026-03-11T15:30:00Z").record(AuditEvent.of("test.zone", AuditOutcome.SUCCESS).portalUser(user));

		String day = "&from=2026-03-11&to=2026-03-11";
		assertThat(ids(page("/admin/audit?portalUser=" + user + day + "&zone=UTC"))).containsExactly(tokyoNextDay, earlyUtc);
		assertThat(ids(page("/admin/audit?portalUser=" + user + day + "&zone=Asia/Tokyo"))).containsExactly(earlyUtc, lateUtc);
	}

	@Test
	void listWhenRangeGivenThenChartCountsEventsPerDay() throws Exception {
		String user = someone();
		AuditLog day1 = at("2026-04-01T10:00:00Z");
		for (int i = 0; i < 3; i++) {
			day1.record(AuditEvent.of("credentials.issued", AuditOutcome.SUCCESS).portalUser(user));
		}
		at("2026-04-02T10:00:00Z").record(AuditEvent.of("access.denied", AuditOutcome.DENIED).portalUser(user));

		Document page = page("/admin/audit?portalUser=" + user + "&from=2026-04-01&to=2026-04-03&zone=UTC");

		List<String> titles = page.select("#audit-chart svg g[aria-label]").eachAttr("aria-label");
		assertThat(titles).hasSize(12)
			.contains("2026-04-01 credentials issued: 3", "2026-04-02 denials: 1", "2026-04-03 failures: 0");
		assertThat(page.select("script:not([src])")).isEmpty();
	}

	@Test
	void detailWhenValuesCameFromUsersThenEverythingIsEscaped() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("User-Agent", "<script>alert('ua')</script>");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		long id;
		try {
			id = this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE)
				.portalUser("<img src=x onerror=alert(1)>")
				.detail("note", "</pre><script>alert('detail')</script>"));
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}

		Document page = page("/admin/audit/" + id);

		assertThat(page.select("script")).allSatisfy((script) -> assertThat(script.html()).doesNotContain("alert"));
		assertThat(page.select("img[onerror], img[src=x]")).isEmpty();
		assertThat(page.selectFirst("#audit-user-agent").text()).isEqualTo("<script>alert('ua')</script>");
		assertThat(page.selectFirst("#audit-portal-user").text()).isEqualTo("<img src=x onerror=alert(1)>");
		assertThat(page.selectFirst("#audit-detail-json").text()).contains("</pre><script>alert('detail')</script>");
	}

	@Test
	void listWhenADayIsOutOfRangeOrTheZoneUnknownThenTheFormComesBackWithFieldErrors() throws Exception {
		Document absurd = badRequest("/admin/audit?to=%2B999999999-12-31&from=2026-01-01");
		assertThat(absurd.selectFirst("#audit-filter-to-error").text()).contains("YYYY-MM-DD");
		assertThat(absurd.selectFirst("input[name=portalUser]")).isNotNull();
		assertThat(badRequest("/admin/audit?from=1066-10-14").selectFirst("#audit-filter-from-error").text())
			.contains("Enter a day between 2000-01-01 and 9999-12-31");

		Document zone = badRequest("/admin/audit?zone=Mars/Olympus_Mons");
		assertThat(zone.selectFirst("#audit-filter-zone-error").text()).contains("Unknown time zone");
		assertThat(zone.selectFirst("input[name=zone]").val()).isEqualTo("Mars/Olympus_Mons");

		assertThat(badRequest("/admin/audit?from=yesterday").selectFirst("#audit-filter-from-error").text())
			.contains("YYYY-MM-DD");
		this.mvc.perform(get("/admin/audit.csv?to=%2B999999999-12-31").with(user("admin").roles("ADMIN")))
			.andExpect(status().isBadRequest());
	}

	Document badRequest(String url) throws Exception {
		return answer(url, status().isBadRequest());
	}

	@Test
	void detailWhenUnknownIdThenNotFound() throws Exception {
		this.mvc.perform(get("/admin/audit/999999999").with(user("admin").roles("ADMIN")))
			.andExpect(status().isNotFound());
	}

	@Test
	void listWhenRowShownThenLinksToItsDetail() throws Exception {
		String user = someone();
		long id = this.auditLog.record(AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS).portalUser(user));

		Document page = page("/admin/audit?portalUser=" + user);
		String href = page.selectFirst("tr[data-audit-id=" + id + "] a").attr("href");

		assertThat(href).startsWith("/admin/audit/" + id);
		assertThat(page(href).selectFirst("#audit-detail").attr("data-audit-id")).isEqualTo(Long.toString(id));
	}

}
