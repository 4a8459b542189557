package dev.mfaportal.web;

import java.io.IOException;

import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S26: what Tomcat answers itself, before the portal sees the request, carries the portal's security headers
 * and tells nothing about the server. Raw sockets, because an HTTP client would refuse to send these requests.
 */
@PortalFlowTest
class TomcatErrorHeadersFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GET /% HTTP/1.1                               | 400
			GET /a%zz HTTP/1.1                            | 400
			GET /%00 HTTP/1.1                             | 400
			TRACE / HTTP/1.1                              | 405
			GET / HTTP/1.1\\r\\nX-Probe: a\\u0001b         | 400
			""")
	void malformedOrTraceRequestThenTomcatsAnswerCarriesThePortalsSecurityHeaders(String requestLine, int status)
			throws IOException {
		String answer = raw(requestLine.replace("\\r\\n", "\r\n").replace("\\u0001", "\u0001")
				+ "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 " + status);
		String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
		assertThat(head).contains(
				"content-security-policy: default-src 'self'; script-src 'self'; style-src 'self'; "
						+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
				"x-content-type-options: nosniff", "referrer-policy: no-referrer", "x-frame-options: deny",
				"cache-control: no-cache, no-store");
		assertThat(answer).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception", "\tat ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GET /%00 HTTP/1.1                             | 400
			GET / HTTP/1.1\\r\\nX-Probe: a\\u0001b         | 400
			""")
	void malformedRequestThenOneDeniedRefusalRowWithTheSourceAndNothingOfTheRequest(String requestLine, int status)
			throws IOException {
		long mark = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();

		String answer = raw(requestLine.replace("\\r\\n", "\r\n").replace("\\u0001", "\u0001")
				+ "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 " + status);
		assertThat(this.jdbc.sql("""
				SELECT outcome, source_ip, detail->>'reason' AS reason, detail->>'status' AS status, detail::text AS detail
				FROM audit_event WHERE action = 'request.refused' AND id > ?""").param(mark).query().listOfRows())
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("outcome")).isEqualTo("DENIED");
				assertThat(row.get("source_ip")).isEqualTo("127.0.0.1");
				assertThat(row.get("reason")).isEqualTo("malformed-request");
				assertThat(row.get("status")).isEqualTo(String.valueOf(status));
				assertThat((String) row.get("detail")).doesNotContain("X-Probe", "%00");
			});
	}

	private String raw(String request) throws IOException {
		return RawHttp.send(this.port, request);
	}

}
