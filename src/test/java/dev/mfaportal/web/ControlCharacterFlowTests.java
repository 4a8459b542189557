package dev.mfaportal.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.RawHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S33: a control character in a request value is answered with the portal's 400 page and one audit row, for a
 * visitor and for a signed-in employee alike; never a 500, a 503 or a stack trace in the log.
 */
@PortalFlowTest
@ExtendWith(OutputCaptureExtension.class)
class ControlCharacterFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long auditMark;

	int logMark;

	@BeforeEach
	void markAuditLogAndOutput(CapturedOutput log) {
		this.logMark = log.getOut().length();
		this.auditMark = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
		this.jdbc.sql("DELETE FROM sign_in_failure").update();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login?continue=%00", "/?q=a%01b", "/credentials?x%00=1", "/mfa/devices?d=%7F", "/mfa%01x" })
	void controlCharacterInQueryFromVisitorThenPortalsBadRequestPageAndAuditRow(String path, CapturedOutput log)
			throws IOException {
		String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Connection: close\r\n\r\n");
		assertBadRequestPage(answer);
		assertThat(refusals()).singleElement().satisfies((row) -> {
			assertThat(row.get("where")).isIn("parameter", "path");
			assertThat(row.get("portal_user")).isNull();
		});
		assertThat(log.getOut().substring(this.logMark)).doesNotContain("\tat ", " ERROR ");
	}

	@Test
	void controlCharacterInSignInFormThenBadRequestPageNotServerError(CapturedOutput log) {
		PortalClient visitor = PortalClient.notFollowingRedirects(this.port);
		Page answer = visitor.submit(visitor.get("/login"), "form#sign-in",
				Map.of("username", "ali\u0000ce", "password", "alice"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.document().selectFirst("h1").text()).isEqualTo("That did not work");
		assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(refusals()).singleElement().satisfies((row) -> assertThat(row.get("name")).isEqualTo("username"));
		assertThat(log.getOut().substring(this.logMark)).doesNotContain("\tat ", " ERROR ");
	}

	@Test
	void controlCharacterInRequestOfSignedInEmployeeThenBadRequestAndAuditRowNamesThem(CapturedOutput log) {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		Page answer = alice.get("/credentials?serial=a%00b");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.document().selectFirst("h1").text()).isEqualTo("That did not work");
		assertThat(refusals()).singleElement().satisfies((row) -> {
			assertThat(row.get("portal_user")).isEqualTo("alice");
			assertThat(row.get("iam_user")).isEqualTo("alice");
			assertThat(row.get("name")).isEqualTo("serial");
		});
		assertThat(log.getOut().substring(this.logMark)).doesNotContain("\tat ", " ERROR ");
	}

	/** Tomcat refuses most control characters in a header itself (S26); a tab and C1 characters reach the portal. */
	@ParameterizedTest
	@ValueSource(strings = { "probe\tx", "probe\u0085x" })
	void controlCharacterInHeaderThenBadRequestPageAndAuditRow(String userAgent, CapturedOutput log)
			throws IOException {
		String answer = raw("GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nUser-Agent: " + userAgent
				+ "\r\nConnection: close\r\n\r\n");
		assertBadRequestPage(answer);
		assertThat(refusals()).singleElement().satisfies((row) -> {
			assertThat(row.get("where")).isEqualTo("header");
			assertThat((String) row.get("name")).isEqualToIgnoringCase("User-Agent");
		});
		assertThat(log.getOut().substring(this.logMark)).doesNotContain("\tat ", " ERROR ");
	}

	@Test
	void passwordWithANulThenTheRowNamesTheFieldAndCharacterButNeverTheValue() {
		PortalClient visitor = PortalClient.notFollowingRedirects(this.port);
		Page answer = visitor.submit(visitor.get("/login"), "form#sign-in",
				Map.of("username", "alice", "password", "hunter2-secret\u0000"));
		assertThat(answer.status()).isEqualTo(400);
		String detail = this.jdbc.sql("""
				SELECT detail::text FROM audit_event WHERE action = 'request.refused' AND id > ?
				AND detail->>'reason' = 'control-character'""").param(this.auditMark).query(String.class).single();
		assertThat(detail).contains("\"password\"", "U+0000").doesNotContain("hunter2");
	}

	@Test
	void tabAndNewLineInFormTextAreAllowed() {
		PortalClient visitor = PortalClient.notFollowingRedirects(this.port);
		Page answer = visitor.submit(visitor.get("/login"), "form#sign-in",
				Map.of("username", "nobody\tat\r\nall", "password", "wrong"));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(refusals()).isEmpty();
	}

	private void assertBadRequestPage(String answer) {
		assertThat(answer).startsWith("HTTP/1.1 400");
		String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
		assertThat(head).contains("content-security-policy:", "x-content-type-options: nosniff",
				"referrer-policy: no-referrer");
		Document page = Jsoup.parse(answer.substring(answer.indexOf("\r\n\r\n")));
		assertThat(page.selectFirst("h1").text()).isEqualTo("That did not work");
	}

	private List<Map<String, Object>> refusals() {
		return this.jdbc.sql("""
				SELECT portal_user, iam_user, detail->>'where' AS "where", detail->>'name' AS name
				FROM audit_event WHERE action = 'request.refused' AND id > ? AND detail->>'reason' = 'control-character'
				""").param(this.auditMark).query().listOfRows();
	}

	private String raw(String request) throws IOException {
		return RawHttp.send(this.port, request);
	}

}
