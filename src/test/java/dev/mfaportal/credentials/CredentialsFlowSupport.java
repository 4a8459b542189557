package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.sandbox.SandboxAccount;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running portal (real HTTP, PostgreSQL, the sandbox AWS account) for the credentials flow tests.
 */
@PortalFlowTest
abstract class CredentialsFlowSupport {

	static final String ALICE_KEY_ID = SandboxAccount.ALICE_ACCESS_KEY_ID;

	static final String ALICE_SECRET = SandboxAccount.ALICE_SECRET_ACCESS_KEY;

	static final String BOB_KEY_ID = SandboxAccount.BOB_ACCESS_KEY_ID;

	static final String BOB_SECRET = SandboxAccount.BOB_SECRET_ACCESS_KEY;

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	JdbcClient jdbc;

	/** A spy ({@link PortalFlowTest}). */
	@Autowired
	AuditLog auditLog;

	/** A spy ({@link PortalFlowTest}). */
	@Autowired
	MfaDevices mfaDevices;

	long auditMark;

	@BeforeEach
	void markAuditLogAndClearCounters() {
		this.auditMark = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
		clearGuard();
		// No devices, sessions or faults from earlier tests (IAM allows a user only 8 devices).
		this.sandbox.reset();
	}

	@AfterEach
	void leaveNoFaultsOrCountersBehind() {
		this.sandbox.clearFaults();
		clearGuard();
	}

	/** Wrong-code counters are shared by every test on 127.0.0.1; they must not spill into the next one. */
	void clearGuard() {
		this.jdbc.sql("DELETE FROM guard_wrong_code").update();
	}

	PortalClient signIn(String username) {
		return PortalClient.followingRedirects(this.port).signIn(username, username);
	}

	/** A device enabled for the IAM user directly in the sandbox, with no code used yet. */
	String newDevice(String iamUser) {
		String name = "creds-" + UUID.randomUUID().toString().substring(0, 8);
		return this.sandbox.devices().createEnabled(iamUser, "/mfa-portal/", name);
	}

	static Map<String, String> fields(String serial, String code, String duration, String keyId, String secret) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("serialNumber", serial);
		fields.put("tokenCode", code);
		fields.put("durationSeconds", duration);
		fields.put("accessKeyId", keyId);
		fields.put("secretAccessKey", secret);
		return fields;
	}

	/** Alice's own key, a fresh code of {@code serial}, one hour: the request most tests make. */
	Map<String, String> oneHourWithAlicesKey(String serial) {
		return fields(serial, this.sandbox.devices().freshCode(serial), "3600", ALICE_KEY_ID, ALICE_SECRET);
	}

	HttpResponse<String> issue(PortalClient client, Map<String, String> fields) {
		Document form = client.page("/credentials");
		return client.submit(form, "form#issue-credentials", fields);
	}

	static Document html(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	/** Audit rows written since the test began, oldest first. */
	List<Map<String, Object>> auditRows(String action) {
		return this.jdbc
			.sql("SELECT portal_user, iam_user, action, outcome, mfa_serial, access_key_id, expires_at, aws_request_id, "
					+ "source_ip, detail::text AS detail FROM audit_event WHERE id > ? AND action = ? ORDER BY id")
			.params(this.auditMark, action)
			.query()
			.listOfRows();
	}

	long getSessionTokenCalls() {
		return this.sandbox.requestCount("GetSessionToken");
	}

}
