package dev.mfaportal.coverage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.mfaportal.PortalMockMvcTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may do what on the coverage page, through the identity module's real security chain: auditors read the page
 * and its export, admins also refresh it and reach the help desk from a row, employees get neither.
 */
@PortalMockMvcTest
class CoverageAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CoverageSnapshots snapshots;

	@Autowired
	ReportStore store;

	@BeforeEach
	void storeAReport() {
		CoverageScene.clear(this.jdbc, this.snapshots);
		this.store.save(new StoredReport(Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T08:01:00Z"),
				CredentialReportParserTests.SAMPLE.getBytes(StandardCharsets.UTF_8), "/", List.of("alice", "svc-ci", "newcomer"),
				List.of(1, 0, 0)));
	}

	Document page(String username, String... roles) throws Exception {
		String html = this.mvc.perform(get("/admin/coverage").with(user(username).roles(roles)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	@Test
	void pageWhenAuditorThenTheTableWithoutRefreshOrHelpDeskLinks() throws Exception {
		Document page = page("audrey", "EMPLOYEE", "AUDITOR");

		assertThat(page.select("table#mfa-coverage tr[data-iam-user]")).extracting((row) -> row.attr("data-iam-user"))
			.containsExactly("alice", "newcomer", "svc-ci");
		assertThat(page.selectFirst("tr[data-iam-user=newcomer] td.mfa").text()).isEqualTo("not in the report yet");
		assertThat(page.selectFirst("#coverage-percent").text()).isEqualTo("33.3%");
		assertThat(page.selectFirst("form#coverage-refresh")).isNull();
		assertThat(page.select("a.helpdesk-link")).isEmpty();
		assertThat(page.selectFirst("#nav-coverage")).isNotNull();
	}

	@Test
	void pageWhenAdminThenRefreshAndHelpDeskLinks() throws Exception {
		Document page = page("admin", "EMPLOYEE", "ADMIN");

		assertThat(page.selectFirst("form#coverage-refresh")).isNotNull();
		assertThat(page.select("a.helpdesk-link")).hasSize(3);
	}

	@Test
	void exportWhenAuditorThenAllowed() throws Exception {
		this.mvc.perform(get("/admin/coverage.csv").with(user("audrey").roles("EMPLOYEE", "AUDITOR")))
			.andExpect(status().isOk());
	}

	@Test
	void refreshWhenAuditorThenForbidden() throws Exception {
		this.mvc.perform(post("/admin/coverage/refresh").with(user("audrey").roles("EMPLOYEE", "AUDITOR")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void refreshWithoutCsrfTokenThenForbidden() throws Exception {
		this.mvc.perform(post("/admin/coverage/refresh").with(user("admin").roles("EMPLOYEE", "ADMIN")))
			.andExpect(status().isForbidden());
	}

	@Test
	void coverageWhenPlainEmployeeThenForbidden() throws Exception {
		this.mvc.perform(get("/admin/coverage").with(user("bob").roles("EMPLOYEE"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/coverage.csv").with(user("bob").roles("EMPLOYEE"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/coverage/refresh").with(user("bob").roles("EMPLOYEE")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void auditorWhenOtherAdminPagesThenStillForbidden() throws Exception {
		this.mvc.perform(get("/admin/employees/alice").with(user("audrey").roles("EMPLOYEE", "AUDITOR")))
			.andExpect(status().isForbidden());
	}

}
