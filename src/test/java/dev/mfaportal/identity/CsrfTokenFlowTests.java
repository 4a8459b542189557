package dev.mfaportal.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.sandbox.SandboxAccount;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S42: the CSRF token counts from the form body (or the header), never from the query string; a refusal is
 * audited like any other refused request.
 */
@PortalFlowTest
class CsrfTokenFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SandboxAccount sandbox;

	long auditMark;

	@BeforeEach
	void markAuditLog() {
		this.auditMark = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
		this.sandbox.reset();
	}

	@Test
	void validTokenInQueryStringThenForbiddenAndAudited() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		String token = PortalClient.csrf(alice.page("/mfa"), "form#start-enrollment");

		Page answer = alice.post("/mfa/enrollment?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
				Map.of("label", "query"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.document().selectFirst("h1").text()).isEqualTo("Not allowed");
		assertThat(this.sandbox.devices().all()).isEmpty();
		assertThat(csrfDenials()).singleElement().satisfies((row) -> {
			assertThat(row.get("portal_user")).isEqualTo("alice");
			assertThat(row.get("iam_user")).isEqualTo("alice");
			assertThat(row.get("path")).isEqualTo("/mfa/enrollment");
			assertThat(row.get("csrf")).isEqualTo("invalid");
		});
	}

	@Test
	void sameTokenInFormBodyThenEnrollmentStarts() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		Document devices = alice.page("/mfa");

		Page answer = alice.post("/mfa/enrollment",
				Map.of("_csrf", PortalClient.csrf(devices, "form#start-enrollment"), "label", "body"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(this.sandbox.devices().all()).hasSize(1);
		assertThat(csrfDenials()).isEmpty();
	}

	@Test
	void wrongTokenFromVisitorThenForbiddenAndAuditedWithoutUser() {
		Page answer = PortalClient.notFollowingRedirects(this.port)
			.post("/login", Map.of("_csrf", "forged", "username", "alice", "password", "alice"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(csrfDenials()).singleElement().satisfies((row) -> {
			assertThat(row.get("portal_user")).isNull();
			assertThat(row.get("path")).isEqualTo("/login");
		});
	}

	private List<Map<String, Object>> csrfDenials() {
		return this.jdbc.sql("""
				SELECT portal_user, iam_user, detail->>'path' AS path, detail->>'csrf' AS csrf FROM audit_event
				WHERE action = 'access.denied' AND detail->>'reason' = 'csrf' AND id > ?
				""").param(this.auditMark).query().listOfRows();
	}

}
