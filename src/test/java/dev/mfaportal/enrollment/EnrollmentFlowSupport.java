package dev.mfaportal.enrollment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
		assertThat(scan.status()).as(scan.body()).isEqualTo(200);
		return ScanPage.of(scan);
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
