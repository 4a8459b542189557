package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.guard.CodeGuard;
import dev.mfaportal.sandbox.SandboxFault;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

/**
 * Every way an issuance is refused: nothing is shown, the employee is told what to do next, and the
 * attempt is audited (or, when the audit log is down, nothing happens at all).
 */
class CredentialsRefusalFlowTests extends CredentialsFlowSupport {

	@Autowired
	CodeGuard codeGuard;

	@Test
	void bobsKeyUsedByAliceThenRefusedAuditedAndNothingShown() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		String code = this.sandbox.devices().freshCode(serial);
		long callerChecks = this.sandbox.requestCount("GetCallerIdentity");

		HttpResponse<String> response = issue(alice, fields(serial, code, "3600", BOB_KEY_ID, BOB_SECRET));

		assertNothingShown(response, 403, BOB_SECRET);
		assertThat(html(response).text()).contains("Use your own access key");
		assertThat(this.sandbox.requestCount("GetCallerIdentity")).isEqualTo(callerChecks);
		assertThat(auditRows("credentials.denied")).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("portal_user", "alice").containsEntry("outcome", "DENIED");
			assertThat((String) row.get("detail")).contains(BOB_KEY_ID).contains("key-not-for-device");
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM guard_wrong_code").query(Long.class).single()).isZero();
		assertThat(auditRows("credentials.issued")).isEmpty();
	}

	@Test
	void keyOfAnotherUserThatAwsAcceptsThenSessionIsDeniedByTheCallerCheck() {
		// Say the portal's list of alice's devices were wrong (eventual consistency, a bad mapping) and
		// showed bob's device: GetSessionToken with bob's key succeeds, GetCallerIdentity names bob (S9).
		String bobsSerial = newDevice("bob");
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of(new MfaDevice(bobsSerial, "alice", null)));
		PortalClient alice = signIn("alice");
		String code = this.sandbox.devices().freshCode(bobsSerial);

		HttpResponse<String> response = issue(alice, fields(bobsSerial, code, "3600", BOB_KEY_ID, BOB_SECRET));

		assertNothingShown(response, 403, BOB_SECRET);
		assertThat(html(response).text()).contains("does not belong to your IAM user");
		assertThat(auditRows("credentials.denied")).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("portal_user", "alice").containsEntry("outcome", "DENIED");
			assertThat((String) row.get("access_key_id")).startsWith("ASIA");
			assertThat((String) row.get("detail")).contains("key-of-another-user").contains(":user/employees/bob");
		});
		assertThat(auditRows("credentials.issued")).isEmpty();
	}

	@Test
	void wrongCodeThenSaysSoAndCountsIt() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		String wrong = wrongCode(serial);

		HttpResponse<String> response = issue(alice, fields(serial, wrong, "3600", ALICE_KEY_ID, ALICE_SECRET));

		assertNothingShown(response, 400, ALICE_SECRET);
		assertThat(html(response).select("input[name=tokenCode]").val()).isEmpty();
		assertThat(html(response).text()).contains("did not accept this code");
		assertThat(this.jdbc.sql("SELECT count(*) FROM guard_wrong_code WHERE portal_user = 'alice'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(auditRows("credentials.failed")).singleElement()
			.satisfies((row) -> assertThat((String) row.get("detail")).contains("wrong-code"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "899", "600", "129601", "200000", "abc", "", "-3600" })
	void durationOutOfRangeThenFormErrorWithoutAnyAwsCall(String duration) {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		long calls = getSessionTokenCalls();

		HttpResponse<String> response = issue(alice,
				fields(serial, this.sandbox.devices().freshCode(serial), duration, ALICE_KEY_ID, ALICE_SECRET));

		assertNothingShown(response, 400, ALICE_SECRET);
		assertThat(html(response).select("select[name=durationSeconds] ~ p.error")).isNotEmpty();
		assertThat(getSessionTokenCalls()).isEqualTo(calls);
		assertThat(auditRows("credentials.requested")).isEmpty();
	}

	@Test
	void malformedInputThenFormErrorsAndNothingSecretEchoed() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Map<String, String> fields = fields(serial, "12345", "3600", "", "");
		fields.put("profileBlock", "[default]\naws_secret_access_key = " + ALICE_SECRET + "\n");
		HttpResponse<String> response = issue(alice, fields);
		assertNothingShown(response, 400, ALICE_SECRET);
		Document page = html(response);
		assertThat(page.select("p.error")).hasSize(2);
		assertThat(page.selectFirst("textarea[name=profileBlock]").text()).isEmpty();
	}

	@Test
	void tooManyWrongCodesThen429EvenWithACorrectCodeAndNoAwsCall() {
		String serial = newDevice("alice");
		for (int i = 0; i < 20; i++) {
			this.codeGuard.recordWrongCode("alice", "127.0.0.1");
		}
		PortalClient alice = signIn("alice");
		long calls = this.sandbox.requestCount();

		HttpResponse<String> response = issue(alice, oneHourWithAlicesKey(serial));

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(html(response).select("#too-many-attempts")).isNotEmpty();
		assertThat(response.body()).doesNotContain(ALICE_SECRET).doesNotContain("ASIA");
		// The form page listed devices before the guard counted; the POST itself reached AWS not at all.
		assertThat(this.sandbox.requestCount()).isEqualTo(calls + 1);
		assertThat(auditRows("credentials.denied")).singleElement()
			.satisfies((row) -> assertThat((String) row.get("detail")).contains("too-many-attempts"));
	}

	@Test
	void issuanceThatCannotBeRecordedReturnsNoCredentials() {
		willThrow(new AuditUnavailableException("simulated", null)).given(this.auditLog)
			.record(argThat((event) -> event.action().equals("credentials.issued")));
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");

		HttpResponse<String> response = issue(alice, oneHourWithAlicesKey(serial));

		assertNothingShown(response, 503, ALICE_SECRET);
		assertThat(html(response).text()).contains("cannot record this request");
		assertThat(auditRows("credentials.issued")).isEmpty();
	}

	@Test
	void auditLogDownBeforeTheCallThenAwsIsNotAsked() {
		willThrow(new AuditUnavailableException("simulated", null)).given(this.auditLog)
			.record(argThat((event) -> event.action().equals("credentials.requested")));
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		long calls = getSessionTokenCalls();

		HttpResponse<String> response = issue(alice, oneHourWithAlicesKey(serial));

		assertNothingShown(response, 503, ALICE_SECRET);
		assertThat(getSessionTokenCalls()).isEqualTo(calls);
	}

	@Test
	void throttlingThenTryAgainAndTheCodeCarryingCallIsNotRetried() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Document form = alice.page("/credentials");
		this.sandbox.inject(SandboxFault.throttling().onlyFor("GetSessionToken"));
		long calls = getSessionTokenCalls();

		HttpResponse<String> response = alice.submit(form, "form#issue-credentials",
				oneHourWithAlicesKey(serial));

		assertNothingShown(response, 503, ALICE_SECRET);
		assertThat(html(response).text()).contains("AWS is not answering");
		assertThat(getSessionTokenCalls()).isEqualTo(calls + 1);
		assertThat(auditRows("credentials.failed")).singleElement()
			.satisfies((row) -> assertThat((String) row.get("detail")).contains("aws-unavailable"));
	}

	@Test
	void issueWithoutCsrfTokenThenForbiddenAndNoAwsCall() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		long calls = getSessionTokenCalls();
		Page response = alice.post("/credentials", oneHourWithAlicesKey(serial));
		assertThat(response.status()).isEqualTo(403);
		assertThat(getSessionTokenCalls()).isEqualTo(calls);
	}

	/** A code that is certainly not the device's now nor in the window around it. */
	private String wrongCode(String serial) {
		java.time.Instant now = this.sandbox.now();
		List<String> window = List.of(this.sandbox.devices().codeAt(serial, now.minusSeconds(30)),
				this.sandbox.devices().codeAt(serial, now), this.sandbox.devices().codeAt(serial, now.plusSeconds(30)),
				this.sandbox.devices().codeAt(serial, now.plusSeconds(60)));
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!window.contains(code)) {
				return code;
			}
		}
	}

	private static void assertNothingShown(HttpResponse<String> response, int status, String longTermSecret) {
		Document page = html(response);
		assertThat(response.statusCode()).as(() -> "answered:\n" + page.select("main").text()).isEqualTo(status);
		assertThat(page.select("#session-access-key-id")).isEmpty();
		assertThat(page.select("[data-format]")).isEmpty();
		assertThat(response.body()).doesNotContain(longTermSecret)
			.doesNotContain("ASIA")
			.doesNotContain("aws_session_token");
		assertThat(page.select("input[name=secretAccessKey]").val()).isEmpty();
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).contains("no-store"));
	}

}
