package dev.mfaportal.audit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuditWebTest
class IntegrityControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditChainHealthIndicator health;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ChainCheckpoints checkpoints;

	Document page() throws Exception {
		return page(null);
	}

	Document page(String checkpoint) throws Exception {
		MockHttpServletRequestBuilder request = get("/admin/audit/integrity").with(user("admin").roles("ADMIN"));
		return Jsoup.parse(this.mvc.perform((checkpoint != null) ? request.param("checkpoint", checkpoint) : request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void integrityWhenChainIntactThenPageShowsHeadHashAndHealthIsUp() throws Exception {
		long id = this.auditLog.record(AuditEvent.of("test.integrity", AuditOutcome.SUCCESS));
		String head = new AuditTestRows(this.jdbc, this.transactionManager).find(id).rowHash();

		Document page = page();

		assertThat(page.selectFirst("#audit-integrity").attr("data-intact")).isEqualTo("true");
		assertThat(page.selectFirst("#audit-head-hash").text()).isEqualTo(head);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void integrityWhenRowEditedThenPageJsonAndHealthNameTheRow() throws Exception {
		this.auditLog.record(AuditEvent.of("test.integrity", AuditOutcome.SUCCESS));
		long edited = this.auditLog.record(AuditEvent.of("test.integrity", AuditOutcome.SUCCESS).portalUser("eve"));
		this.auditLog.record(AuditEvent.of("test.integrity", AuditOutcome.SUCCESS));
		AuditTestRows rows = new AuditTestRows(this.jdbc, this.transactionManager);
		rows.tamper("UPDATE audit_event SET portal_user = 'mallory' WHERE id = ?", edited);
		try {
			Document page = page();
			assertThat(page.selectFirst("#audit-integrity").attr("data-intact")).isEqualTo("false");
			assertThat(page.selectFirst("#audit-integrity").text()).contains(Long.toString(edited));
			assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(this.health.health().getDetails()).containsEntry("brokenId", edited);

			this.mvc.perform(get("/admin/audit/integrity.json").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.brokenId").value(edited))
				.andExpect(jsonPath("$.brokenField").value("row_hash"));
		}
		finally {
			rows.tamper("UPDATE audit_event SET portal_user = 'eve' WHERE id = ?", edited);
		}
		this.mvc.perform(get("/admin/audit/integrity.json").with(user("admin").roles("ADMIN")))
			.andExpect(jsonPath("$.intact").value(true));
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void integrityWhenAGenuineCheckpointIsPastedThenTheTableIsComparedWithItAndACutOffTailIsNamed() throws Exception {
		long head = this.auditLog.record(AuditEvent.of("test.integrity", AuditOutcome.DENIED).portalUser("eve"));
		Checkpoint checkpoint = this.checkpoints.publish().orElseThrow();

		Document agrees = page(checkpoint.line());
		assertThat(agrees.selectFirst("#audit-checkpoint-result").attr("data-matches")).isEqualTo("true");
		assertThat(agrees.selectFirst("#audit-checkpoint").text()).isEqualTo(checkpoint.line());

		AuditTestRows rows = new AuditTestRows(this.jdbc, this.transactionManager);
		AuditRow removed = rows.find(head);
		rows.tamper("DELETE FROM audit_event WHERE id = ?", head);
		try {
			Document cut = page("copied from the log: " + checkpoint.line());
			assertThat(cut.selectFirst("#audit-integrity").attr("data-intact")).isEqualTo("false");
			assertThat(cut.selectFirst("#audit-integrity").text()).contains(Long.toString(head)).contains("checkpoint");
		}
		finally {
			rows.restore(removed);
		}
		assertThat(page(checkpoint.line()).selectFirst("#audit-integrity").attr("data-intact")).isEqualTo("true");
	}

	@Test
	void integrityWhenACheckpointIsNotSignedWithThePortalsKeyThenItIsRefusedAndNotComparedWithTheTable()
			throws Exception {
		long head = this.auditLog.record(AuditEvent.of("test.integrity", AuditOutcome.SUCCESS));
		Checkpoint genuine = this.checkpoints.publish().orElseThrow();
		String forged = genuine.line().replace("id=" + head, "id=" + (head + 1000));

		Document page = page(forged);

		assertThat(page.selectFirst("#audit-checkpoint-result").attr("data-matches")).isEqualTo("false");
		assertThat(page.selectFirst("#audit-integrity").attr("data-intact")).isEqualTo("true");
	}

}
