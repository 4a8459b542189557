package dev.mfaportal.audit;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The audit view's filter as an admin uses it: user names in any case, the action picked from the actions the log
 * holds, and the same rows in the CSV export.
 */
@AuditWebTest
class AuditFilterControlsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	static String someone() {
		return "Mixed-" + UUID.randomUUID().toString().substring(0, 8);
	}

	String answer(String url) throws Exception {
		return this.mvc.perform(get(url).with(user("admin").roles("ADMIN"))).andReturn().getResponse().getContentAsString();
	}

	Document page(String url) throws Exception {
		return Jsoup.parse(answer(url), "http://localhost");
	}

	List<Long> rows(String url) throws Exception {
		return AuditViewControllerTests.ids(page(url));
	}

	@Test
	void listWhenThePortalUserIsTypedInAnotherCaseThenTheirRowsStillShow() throws Exception {
		String user = someone();
		long theirs = this.auditLog.record(AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS).portalUser(user));

		assertThat(rows("/admin/audit?portalUser=" + user.toLowerCase(Locale.ROOT))).containsExactly(theirs);
		assertThat(rows("/admin/audit?portalUser=" + user.toUpperCase(Locale.ROOT))).containsExactly(theirs);
	}

	@Test
	void listWhenTheIamUserIsTypedInAnotherCaseThenTheirRowsStillShowInTheViewAndTheExport() throws Exception {
		String iamUser = someone();
		long theirs = this.auditLog
			.record(AuditEvent.of("enrollment.started", AuditOutcome.SUCCESS).portalUser("x").iamUser(iamUser));
		String typed = iamUser.toUpperCase(Locale.ROOT);

		assertThat(rows("/admin/audit?iamUser=" + typed)).containsExactly(theirs);
		assertThat(answer("/admin/audit.csv?iamUser=" + typed).lines().skip(1))
			.singleElement()
			.satisfies((row) -> assertThat(row).startsWith("\"" + theirs + "\"").contains(iamUser));
	}

	@Test
	void listOffersEachActionTheLogHoldsAsAChoiceAndKeepsTheOneChosen() throws Exception {
		String action = "test.filter-" + UUID.randomUUID().toString().substring(0, 8);
		long row = this.auditLog.record(AuditEvent.of(action, AuditOutcome.SUCCESS).portalUser(someone()));

		Document all = page("/admin/audit");
		assertThat(all.select("select#audit-filter-action option").eachAttr("value")).first().isEqualTo("");
		assertThat(all.select("select#audit-filter-action option").eachAttr("value")).contains(action);
		assertThat(all.select("label[for=audit-filter-action]")).hasSize(1);

		Document filtered = page("/admin/audit?action=" + action);
		assertThat(AuditViewControllerTests.ids(filtered)).containsExactly(row);
		assertThat(filtered.selectFirst("select#audit-filter-action option[selected]").val()).isEqualTo(action);
	}

	@Test
	void listWhenTheUrlAsksForAnActionTheLogHasNotSeenThenTheChoiceShowsIt() throws Exception {
		Document page = page("/admin/audit?action=no.such-action");
		assertThat(page.selectFirst("select#audit-filter-action option[selected]").val()).isEqualTo("no.such-action");
		assertThat(page.select("#audit-empty")).hasSize(1);
	}

}
