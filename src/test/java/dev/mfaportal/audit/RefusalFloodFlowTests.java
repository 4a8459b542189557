package dev.mfaportal.audit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.RawHttp;
import dev.mfaportal.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S43 over HTTP: a login hammered after its lockout, or a stream of requests Tomcat cannot even parse, costs
 * the audit log a few rows a minute, and none is lost.
 */
@PortalFlowTest
class RefusalFloodFlowTests {

	private static final int ATTEMPTS = 40;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CountedRows countedRows;

	@Autowired
	TestClock clock;

	@AfterEach
	void unlock() {
		// Signs in from 127.0.0.1 like every flow test: no lockout may outlive this class.
		this.jdbc.sql("DELETE FROM sign_in_failure").update();
	}

	@Test
	void signInWhenALockedLoginIsTriedFortyTimesThenAFewRowsAndOneCountingTheRest() {
		String login = "flood-" + UUID.randomUUID().toString().substring(0, 8);
		PortalClient attacker = PortalClient.notFollowingRedirects(this.port);
		int locked = 0;
		for (int i = 0; i < ATTEMPTS; i++) {
			Page answer = attacker.submit(attacker.get("/login"), "form#sign-in",
					Map.of("username", login, "password", "guess-" + i));
			locked += answer.location().endsWith("/login?locked") ? 1 : 0;
		}
		this.clock.advance(Duration.ofMinutes(1));
		this.countedRows.writeEndedMinutes();

		List<AuditRow> refusals = this.jdbc
			.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE portal_user = ? AND action = 'signin.failed'"
					+ " AND detail->>'reason' = 'LockedException' ORDER BY id")
			.param(login)
			.query(AuditRow.MAPPER)
			.list();
		assertThat(locked).as("refused by the lockout").isGreaterThan(ATTEMPTS / 2);
		// At most two clock minutes: three rows each, and one counting the rest of each.
		assertThat(refusals).hasSizeLessThanOrEqualTo(8);
		// The try that reaches the limit is a wrong password (its row says BadCredentialsException) whose page
		// already shows the lockout (SignInFailurePage); every later one is refused by the lockout.
		assertThat(RefusalFloodTests.represented(refusals)).as("every refusal counted, none twice").isEqualTo(locked - 1);
		assertThat(refusals).anySatisfy((row) -> assertThat(row.detail()).containsKey(RefusalFlood.SUPPRESSED)
			.containsEntry("reason", "LockedException"));
		assertThat(refusals).allSatisfy((row) -> assertThat(row.sourceIp()).isEqualTo("127.0.0.1"));
	}

	@Test
	void malformedRequestsFromOneAddressThenAFewRowsAndOneCountingTheRest() throws IOException {
		long mark = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
		for (int i = 0; i < ATTEMPTS; i++) {
			assertThat(RawHttp.send(this.port, "GET /%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
				.startsWith("HTTP/1.1 400");
		}
		this.clock.advance(Duration.ofMinutes(1));
		this.countedRows.writeEndedMinutes();

		List<AuditRow> refusals = this.jdbc
			.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE id > ? AND action = 'request.refused'"
					+ " AND detail->>'reason' = 'malformed-request' ORDER BY id")
			.param(mark)
			.query(AuditRow.MAPPER)
			.list();
		assertThat(refusals).hasSizeLessThanOrEqualTo(8);
		assertThat(RefusalFloodTests.represented(refusals)).as("every refusal counted, none twice").isEqualTo(ATTEMPTS);
		assertThat(refusals).anySatisfy((row) -> assertThat(row.detail()).containsKey(RefusalFlood.SUPPRESSED));
	}

}
