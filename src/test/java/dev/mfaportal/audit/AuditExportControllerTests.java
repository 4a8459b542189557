package dev.mfaportal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuditWebTest
class AuditExportControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	MockHttpServletResponse csv(String query) throws Exception {
		return this.mvc.perform(get("/admin/audit.csv?" + query).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	@Test
	void csvWhenFilteredThenSameRowsAsTheViewInTheSameOrder() throws Exception {
		String user = "csv-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 60; i++) {
			this.auditLog.record(AuditEvent.of((i % 2 == 0) ? "credentials.issued" : "signin.failed",
					(i % 2 == 0) ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
				.portalUser(user));
		}
		String query = "portalUser=" + user + "&outcome=SUCCESS";
		List<String> viewIds = new ArrayList<>();
		String url = "/admin/audit?" + query;
		while (url != null) {
			var page = Jsoup.parse(this.mvc.perform(get(url).with(user("admin").roles("ADMIN")))
				.andReturn()
				.getResponse()
				.getContentAsString());
			viewIds.addAll(page.select("tr[data-audit-id]").eachAttr("data-audit-id"));
			var next = page.selectFirst("#audit-next-page");
			url = (next != null) ? next.attr("href") : null;
		}

		MockHttpServletResponse response = csv(query);
		List<List<String>> rows = parse(response.getContentAsString());

		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(rows.get(0)).containsExactly(AuditCsv.HEADER);
		assertThat(rows.subList(1, rows.size()).stream().map((row) -> row.get(0)).toList()).hasSize(30)
			.isEqualTo(viewIds);
		assertThat(rows.get(1).get(1)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
		assertThat(rows.subList(1, rows.size())).allSatisfy((row) -> {
			assertThat(row.get(2)).isEqualTo(user);
			assertThat(row.get(5)).isEqualTo("SUCCESS");
		});
	}

	@Test
	void csvWhenCellsStartLikeFormulasThenTheyAreNeutralised() throws Exception {
		String user = "csv-" + UUID.randomUUID().toString().substring(0, 8);
		for (String dangerous : List.of("=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(A1:A2)")) {
			this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE)
				.portalUser(user)
				.iamUser(dangerous)
				.detail("note", dangerous));
		}

		List<List<String>> rows = parse(csv("portalUser=" + user).getContentAsString());

		assertThat(rows.subList(1, rows.size()).stream().map((row) -> row.get(3)).toList())
			.containsExactlyInAnyOrder("'=cmd|' /C calc'!A0", "'+1+1", "'-1+1", "'@SUM(A1:A2)");
		assertThat(rows).allSatisfy((row) -> assertThat(row)
			.allSatisfy((cell) -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
				.doesNotStartWith("@")));
	}

	@Test
	void csvWhenAFormulaHidesAfterASeparatorThenEveryCellIsQuotedAndItIsNeutralisedToo() throws Exception {
		String user = "csv-" + UUID.randomUUID().toString().substring(0, 8);
		this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE)
			.portalUser(user)
			.iamUser("x;=cmd|' /C calc'!A0"));

		String csv = csv("portalUser=" + user).getContentAsString();
		String line = csv.split("\r\n")[1];

		assertThat(parse(csv).get(1).get(3)).isEqualTo("x;'=cmd|' /C calc'!A0");
		assertThat(line).startsWith("\"").endsWith("\"").contains("\",\"\",\"");
	}

	@Test
	void csvWhenExportedThenTheExportIsAudited() throws Exception {
		String user = "csv-" + UUID.randomUUID().toString().substring(0, 8);

		csv("portalUser=" + user);

		List<List<String>> exports = parse(csv("portalUser=admin&action=admin.audit-exported").getContentAsString());
		assertThat(exports.subList(1, exports.size()))
			.anySatisfy((row) -> assertThat(row.get(12)).contains("portalUser=" + user));
	}

	/** A strict RFC 4180 reader, so the test does not share the code under test. */
	static List<List<String>> parse(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				cell.append(c);
			}
		}
		return rows;
	}

}
