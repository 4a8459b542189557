package dev.mfaportal.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mfaportal.sandbox.SandboxAccessKey;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The running portal with the portal-minted key source: one context of its own (the key source is read at
 * start-up), shared by every keyless flow and browser test.
 */
@TestPropertySource(properties = "portal.credentials.key-source=portal-minted")
abstract class KeylessFlowSupport extends CredentialsFlowSupport {

	@Autowired
	MintedKeyReconciler reconciler;

	@AfterEach
	void noPropagationDelayLeft() {
		this.sandbox.keyPropagationDelay(Duration.ZERO);
	}

	/** Alice's keys in the sandbox other than her own seeded one: what the portal minted and left. */
	List<String> mintedKeysInSandbox(String iamUser) {
		return this.sandbox.accessKeys()
			.of(iamUser)
			.stream()
			.map(SandboxAccessKey::accessKeyId)
			.filter((id) -> !id.equals(ALICE_KEY_ID) && !id.equals(BOB_KEY_ID))
			.toList();
	}

	/** The code, the duration and nothing else: the keyless form has no key fields. */
	static Map<String, String> codeOnly(String serial, String code) {
		return Map.of("serialNumber", serial, "tokenCode", code, "durationSeconds", "3600");
	}

	long openLedgerRows() {
		return this.jdbc.sql("SELECT count(*) FROM minted_access_key WHERE deleted_at IS NULL")
			.query(Long.class)
			.single();
	}

}
