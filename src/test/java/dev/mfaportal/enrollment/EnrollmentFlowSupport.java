package dev.mfaportal.enrollment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.sandbox.SandboxAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running portal (real HTTP, PostgreSQL, the sandbox AWS account) for the enrollment flow tests, and the
 * steps they share: signing in, starting an enrollment, activating it.
 */
@PortalFlowTest
abstract class EnrollmentFlowSupport {

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshAccount() {
		this.sandbox.reset();
		this.jdbc.sql("DELETE FROM guard_wrong_code").update();
		this.jdbc.sql("DELETE FROM guard_claimed_code").update();
	}

	PortalClient signIn(String user) {
		return PortalClient.notFollowingRedirects(this.port).signIn(user, user);
	}

	ScanPage start(PortalClient client) {
		return start(client, "");
	}

	ScanPage start(PortalClient client, String label) {
		Page scan = client.submit(client.get("/mfa"), "form#start-enrollment", Map.of("label", label));
		assertThat(scan.status()).as(() -> (scan.status() == 302) ? client.follow(scan).text("#enrollment-problem")
				: scan.body()).isEqualTo(200);
		return ScanPage.of(scan);
	}

	/** Starts an enrollment next to existing devices, with a step-up by {@code serial} and Alice's own key. */
	ScanPage startWithStepUp(PortalClient client, String serial) {
		Page scan = client.submit(client.get("/mfa"), "form#start-enrollment", aliceStepUp("serial", serial));
		assertThat(scan.status()).as(() -> client.follow(scan).body()).isEqualTo(200);
		return ScanPage.of(scan);
	}

	/** The step-up fields with a fresh code of {@code serial} and Alice's own key. */
	Map<String, String> aliceStepUp(String serialField, String serial) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(serialField, serial);
		fields.put("code", this.sandbox.devices().freshCode(serial));
		fields.put("accessKeyId", SandboxAccount.ALICE_ACCESS_KEY_ID);
		fields.put("secretAccessKey", SandboxAccount.ALICE_SECRET_ACCESS_KEY);
		return fields;
	}

	/** The removal confirmation of {@code serial}, as the devices page's Remove button opens it. */
	static Page confirmRemoval(PortalClient client, String serial) {
		return client.get(UriComponentsBuilder.fromPath("/mfa/devices/remove")
			.queryParam("serial", serial)
			.encode()
			.toUriString());
	}

	static Page activate(PortalClient client, ScanPage scan, String code1, String code2) {
		return client.submit(scan.page(), "form#activate-enrollment", Map.of("code1", code1, "code2", code2));
	}

	List<String> auditActions(String portalUser) {
		return this.jdbc.sql("SELECT action FROM audit_event WHERE portal_user = ? ORDER BY id")
			.param(portalUser)
			.query(String.class)
			.list();
	}

}
