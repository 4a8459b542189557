package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.TestClock;
import dev.mfaportal.sandbox.SandboxFault;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyless fault run: AWS failing at each of its four calls, a portal stopped between CreateAccessKey and
 * recording the key, a wrong code, a key slower to propagate than the budget. Afterwards no minted key is left in
 * the sandbox, and every issued session has exactly one {@code credentials.issued} row naming its minted key.
 */
class KeylessFaultFlowTests extends KeylessFlowSupport {

	@Autowired
	TestClock clock;

	@AfterEach
	void clockBack() {
		this.clock.reset();
	}

	@Test
	void faultAtEveryCallAndACrashBetweenCreateAndRecordLeaveNoMintedKeyAndOneIssuedRowPerSession() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");

		// A wrong code: refused, and the minted key is deleted all the same.
		Document form = alice.page("/credentials");
		List<String> used = mintedKeysInSandbox("alice");
		HttpResponse<String> wrong = alice.submit(form, "form#issue-credentials", codeOnly(serial, wrongCode(serial)));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertUsedKeysGone(used);

		// CreateAccessKey throttled: the form says AWS is not answering and offers nothing to submit.
		this.sandbox.inject(SandboxFault.throttling().onlyFor("CreateAccessKey"));
		PortalClient.Page noKey = alice.get("/credentials");
		assertThat(noKey.status()).isEqualTo(503);
		assertThat(noKey.document().select("#key-problem")).isNotEmpty();
		assertThat(noKey.document().select("form#issue-credentials")).isEmpty();
		this.sandbox.clearFaults();

		// GetSessionToken failing with a 5xx: nothing issued, the key deleted.
		form = alice.page("/credentials");
		used = mintedKeysInSandbox("alice");
		this.sandbox.inject(SandboxFault.serviceFailure().onlyFor("GetSessionToken"));
		assertThat(alice.submit(form, "form#issue-credentials", codeOnly(serial, freshCode(serial))).statusCode())
			.isEqualTo(503);
		this.sandbox.clearFaults();
		assertUsedKeysGone(used);

		// DeleteAccessKey throttled: the session is issued, the key stays open in the ledger for the reconciler.
		form = alice.page("/credentials");
		this.sandbox.inject(SandboxFault.throttling().onlyFor("DeleteAccessKey"));
		assertThat(alice.submit(form, "form#issue-credentials", codeOnly(serial, freshCode(serial))).statusCode())
			.isEqualTo(200);
		this.sandbox.clearFaults();
		assertThat(mintedKeysInSandbox("alice")).hasSize(1);

		// The portal stopped between CreateAccessKey and recording the key id: an intent row and an unknown key.
		this.jdbc.sql("INSERT INTO minted_access_key (portal_user, iam_user, intended_at) VALUES ('alice', 'alice', ?)")
			.param(Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		this.sandbox.accessKeys().create("alice", this.sandbox.now(), true);
		assertThat(mintedKeysInSandbox("alice")).hasSize(2);

		// ListAccessKeys throttled: the reconciler deletes what it knows and retries the rest on its next run.
		this.clock.advance(Duration.ofMinutes(20));
		this.sandbox.inject(SandboxFault.throttling().onlyFor("ListAccessKeys"));
		this.reconciler.reconcile();
		this.sandbox.clearFaults();
		assertThat(mintedKeysInSandbox("alice")).hasSize(1);
		this.reconciler.reconcile();

		assertThat(mintedKeysInSandbox("alice")).isEmpty();
		assertThat(openLedgerRows()).isZero();
		assertThat(auditRows(MintedKeyReconciler.RECONCILED)).hasSize(1);
		assertOneIssuedRowPerSessionNamingItsMintedKey();
	}

	@Test
	void keySlowerToPropagateThanTheBudgetIsAwsIsSlowAndTheKeyIsDeleted() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		this.sandbox.keyPropagationDelay(Duration.ofSeconds(30));
		Document form = alice.page("/credentials");
		List<String> used = mintedKeysInSandbox("alice");

		HttpResponse<String> slow = alice.submit(form, "form#issue-credentials", codeOnly(serial, freshCode(serial)));

		assertThat(slow.statusCode()).isEqualTo(503);
		assertThat(html(slow).text()).contains("AWS is slow");
		assertUsedKeysGone(used);
		assertThat(auditRows(IssuanceEvents.FAILED)).singleElement()
			.satisfies((row) -> assertThat((String) row.get("detail")).contains("key-not-propagated"));
	}

	/**
	 * The key the submitted form carried is deleted; the form shown again with the refusal carries a new one
	 * (minted at once, so it propagates while the employee waits for the next code).
	 */
	private void assertUsedKeysGone(List<String> used) {
		assertThat(used).hasSize(1);
		assertThat(mintedKeysInSandbox("alice")).doesNotContainAnyElementsOf(used).hasSizeLessThanOrEqualTo(1);
	}

	private void assertOneIssuedRowPerSessionNamingItsMintedKey() {
		List<String> sessions = this.sandbox.sessionKeyIds();
		List<Map<String, Object>> issued = auditRows(IssuanceEvents.ISSUED);
		assertThat(issued).extracting((row) -> row.get("access_key_id")).containsExactlyInAnyOrderElementsOf(sessions);
		for (Map<String, Object> row : issued) {
			String minted = this.sandbox.accessKeys().sessionSourceKey((String) row.get("access_key_id")).orElseThrow();
			assertThat((String) row.get("detail")).contains(minted);
		}
	}

	/** A code AWS has not seen; the portal's claims of codes AWS never checked (a 5xx) are forgotten first. */
	private String freshCode(String serial) {
		this.jdbc.sql("DELETE FROM guard_claimed_code").update();
		return this.sandbox.devices().freshCode(serial);
	}

	private String wrongCode(String serial) {
		String right = freshCode(serial);
		return right.equals("000000") ? "111111" : "000000";
	}

}
