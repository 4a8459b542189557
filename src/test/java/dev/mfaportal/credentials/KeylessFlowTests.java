package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuing session credentials with the portal-minted key source: no key is typed; the portal mints one when the
 * form is shown, signs GetSessionToken with it (waiting for it to propagate) and deletes it.
 */
class KeylessFlowTests extends KeylessFlowSupport {

	@Test
	void enrollThenIssueWithNoKeyTypedThroughAPropagationDelayThenNoMintedKeyRemainsAndTheSessionWorks() {
		PortalClient alice = signIn("alice");
		QrEnrollment phone = QrEnrollment.enroll(alice, "keyless");
		this.sandbox.keyPropagationDelay(Duration.ofSeconds(3));

		Document form = alice.page("/credentials");
		assertThat(form.select("form#issue-credentials input[name=accessKeyId], input[name=secretAccessKey], "
				+ "textarea[name=profileBlock]")).isEmpty();
		assertThat(form.select("#keyless-note")).isNotEmpty();
		assertThat(form.selectFirst("form#issue-credentials input[name=mintedKey]").val()).isNotBlank();
		List<String> minted = mintedKeysInSandbox("alice");
		assertThat(minted).hasSize(1);
		assertThat(form.outerHtml()).doesNotContain(minted.get(0));

		HttpResponse<String> response = alice.submit(form, "form#issue-credentials",
				codeOnly(phone.serial(), phone.nextCode()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String sessionKeyId = html(response).selectFirst("#session-access-key-id").text();
		assertThat(this.sandbox.sessionOwner(sessionKeyId)).contains("alice");
		assertThat(this.sandbox.accessKeys().sessionSourceKey(sessionKeyId)).contains(minted.get(0));
		assertThat(mintedKeysInSandbox("alice")).isEmpty();
		assertThat(this.sandbox.accessKeys().of("alice")).extracting("accessKeyId").containsExactly(ALICE_KEY_ID);
		assertThat(getSessionTokenCalls()).isGreaterThan(1);
		List<Map<String, Object>> issued = auditRows(IssuanceEvents.ISSUED);
		assertThat(issued).hasSize(1);
		assertThat(issued.get(0)).containsEntry("access_key_id", sessionKeyId);
		assertThat((String) issued.get(0).get("detail")).contains(minted.get(0));
		assertThat(auditRows(MintedKeys.MINTED)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("access_key_id", minted.get(0)));
		assertThat(auditRows(MintedKeys.DELETED)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("access_key_id", minted.get(0)));
		assertThat(this.jdbc.sql("SELECT deleted_at IS NOT NULL FROM minted_access_key WHERE access_key_id = ?")
			.param(minted.get(0))
			.query(Boolean.class)
			.single()).isTrue();
	}

}
