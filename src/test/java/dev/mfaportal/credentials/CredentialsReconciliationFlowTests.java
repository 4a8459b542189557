package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.sandbox.SandboxFault;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S30: after a run with faults, every session credential that left the portal has exactly one issuance
 * row, and no session that stayed inside (AWS made it, the portal never showed it) has one.
 */
class CredentialsReconciliationFlowTests extends CredentialsFlowSupport {

	private String lastCode;

	@Test
	void afterFaultsEverySessionShownHasExactlyOneIssuanceRow() {
		// One device per attempt: a device has only the few codes of AWS's window to give at a time.
		String slow = newDevice("alice");
		String silent = newDevice("alice");
		String fine = newDevice("alice");
		PortalClient alice = signIn("alice");
		List<String> shown = new ArrayList<>();

		// GetSessionToken answers after the attempt timeout: AWS makes a session the portal never sees (S16: once).
		this.sandbox.inject(SandboxFault.latency(Duration.ofSeconds(6)).onlyFor("GetSessionToken").times(1));
		long calls = getSessionTokenCalls();
		assertThat(issueOnce(alice, slow, shown).statusCode()).isEqualTo(503);
		assertThat(getSessionTokenCalls()).isEqualTo(calls + 1);
		awaitSandboxServedTheSlowCall(slow);

		// The session is made but GetCallerIdentity never answers: it cannot be proven alice's, so it stays in.
		this.sandbox.inject(SandboxFault.droppedConnection().onlyFor("GetCallerIdentity"));
		assertThat(issueOnce(alice, silent, shown).statusCode()).isEqualTo(503);
		this.sandbox.clearFaults();

		assertThat(issueOnce(alice, fine, shown).statusCode()).isEqualTo(200);

		assertThat(shown).hasSize(1);
		List<Object> issuedKeys = auditRows("credentials.issued").stream().map((row) -> row.get("access_key_id")).toList();
		assertThat(issuedKeys).containsExactlyElementsOf(shown);
		List<Map<String, Object>> failed = auditRows("credentials.failed");
		assertThat(failed).extracting((row) -> (String) row.get("detail"))
			.anyMatch((detail) -> detail.contains("aws-unavailable"))
			.anyMatch((detail) -> detail.contains("caller-check-failed"));
		// The session that was made but never shown is on record as such, not as issued.
		assertThat(failed).extracting((row) -> row.get("access_key_id")).filteredOn((id) -> id != null)
			.singleElement()
			.satisfies((id) -> assertThat(this.sandbox.sessionOwner((String) id)).contains("alice"))
			.isNotIn(shown);
	}

	/** The portal gave up on the slow call; the sandbox is still sleeping before it serves it (and uses the code). */
	private void awaitSandboxServedTheSlowCall(String serial) {
		String slowCode = this.lastCode;
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !this.sandbox.devices().freshCode(serial).equals(slowCode));
	}

	private HttpResponse<String> issueOnce(PortalClient client, String serial, List<String> shown) {
		this.lastCode = this.sandbox.devices().freshCode(serial);
		HttpResponse<String> response = issue(client, fields(serial, this.lastCode, "3600", ALICE_KEY_ID, ALICE_SECRET));
		Element keyId = html(response).selectFirst("#session-access-key-id");
		if (keyId != null) {
			shown.add(keyId.text());
		}
		return response;
	}

}
