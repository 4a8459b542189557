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
 * Step-up with the portal-minted key source: adding or removing a device asks for a code of another device and
 * no key; the portal mints one for the check, waits for it to propagate, and deletes it whatever the outcome.
 */
class KeylessStepUpFlowTests extends KeylessFlowSupport {

	@Test
	void addSecondDeviceWithACodeOfTheFirstAndNoKeyTypedThenScanPageAndNoMintedKeyRemains() {
		String first = newDevice("alice");
		PortalClient alice = signIn("alice");
		this.sandbox.keyPropagationDelay(Duration.ofSeconds(1));
		Document devices = alice.page("/mfa");
		assertThat(devices.select("form#start-enrollment input[name=code]")).hasSize(1);
		assertThat(devices.select("form#start-enrollment input[name=accessKeyId], input[name=secretAccessKey]"))
			.isEmpty();

		HttpResponse<String> scan = alice.submit(devices, "form#start-enrollment",
				Map.of("label", "second", "serial", first, "code", this.sandbox.devices().freshCode(first)));

		Document page = html(scan);
		assertThat(page.select("#mfa-scan")).as(page.text()).isNotEmpty();
		assertThat(getSessionTokenCalls()).as("retried while the minted key propagated").isGreaterThan(1);
		assertNoMintedKeyLeft();
		List<Map<String, Object>> minted = auditRows(MintedKeys.MINTED);
		assertThat(minted).singleElement().satisfies((row) -> assertThat(row).containsEntry("portal_user", "alice"));
		assertThat(auditRows(MintedKeys.DELETED)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("access_key_id", minted.get(0).get("access_key_id")));
		assertThat(auditRows("enrollment.step-up-verified")).hasSize(1);
	}

	@Test
	void addDeviceWithAWrongCodeThenRefusedWithoutMentioningAKeyAndTheMintedKeyIsDeleted() {
		String first = newDevice("alice");
		PortalClient alice = signIn("alice");
		String code = this.sandbox.devices().freshCode(first);
		String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

		Document refused = html(alice.submit(alice.page("/mfa"), "form#start-enrollment",
				Map.of("label", "second", "serial", first, "code", wrong)));

		assertThat(refused.selectFirst("#enrollment-problem").text()).contains("did not accept this code")
			.doesNotContain("key");
		assertThat(this.sandbox.devices().of("alice")).hasSize(1);
		assertNoMintedKeyLeft();
		assertThat(auditRows(MintedKeys.DELETED)).hasSize(1);
	}

	@Test
	void removeDeviceWithACodeOfAnotherAndNoKeyTypedThenRemovedAndNoMintedKeyRemains() {
		String phone = newDevice("alice");
		String lost = newDevice("alice");
		PortalClient alice = signIn("alice");
		Document confirmation = alice.page("/mfa/devices/remove?serial=" + lost);
		assertThat(confirmation.select("form#remove-device input[name=accessKeyId]")).isEmpty();

		Document done = html(alice.submit(confirmation, "form#remove-device",
				Map.of("codeSerial", phone, "code", this.sandbox.devices().freshCode(phone))));

		assertThat(done.selectFirst("#enrollment-notice").text()).as(done.text()).contains("was removed");
		assertThat(this.sandbox.devices().find(lost)).isEmpty();
		assertThat(this.sandbox.devices().find(phone)).isPresent();
		assertNoMintedKeyLeft();
	}

	private void assertNoMintedKeyLeft() {
		assertThat(mintedKeysInSandbox("alice")).isEmpty();
		assertThat(this.sandbox.accessKeys().of("alice")).extracting("accessKeyId").containsExactly(ALICE_KEY_ID);
		assertThat(openLedgerRows()).isZero();
	}

}
