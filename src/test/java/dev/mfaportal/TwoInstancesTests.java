package dev.mfaportal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.sandbox.SandboxAccount;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two portal instances on one PostgreSQL behind a real nginx (round robin, no sticky sessions): whatever an
 * employee does may land on either instance, and the result is the same as with one. The last test shuts
 * one instance down in the middle of a burst of requests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTests {

	@TempDir
	static Path nginxDirectory;

	static TwoPortals portals;

	@BeforeAll
	static void startTwoInstancesBehindNginx() {
		Nginx.require();
		portals = TwoPortals.start(nginxDirectory);
	}

	@AfterAll
	static void stopEverything() {
		if (portals != null) {
			portals.close();
		}
	}

	@BeforeEach
	void freshAccountAndCounters() {
		portals.sandbox().reset();
		portals.jdbc().sql("DELETE FROM guard_wrong_code").update();
		portals.jdbc().sql("DELETE FROM guard_claimed_code").update();
	}

	@Test
	@Order(1)
	void enrollmentStartedOnOneInstanceThenActivatedOnTheOther() {
		PortalClient alice = portals.signedIn("alice");
		Page scan = alice.submit(alice.get("/mfa"), "form#start-enrollment", Map.of("label", "two-instances"));
		assertThat(scan.status()).as(scan.body()).isEqualTo(200);
		String serial = scan.document().selectFirst("#mfa-scan").attr("data-serial");
		List<String> codes = portals.sandbox().devices().freshCodePair(serial);

		Page activated = alice.submit(scan, "form#activate-enrollment",
				Map.of("code1", codes.get(0), "code2", codes.get(1)));

		assertThat(activated.status()).as(activated.body()).isEqualTo(302);
		assertThat(activated.location()).contains("enrolled=");
		assertServedByBothInstances(scan, activated);
		assertThat(portals.sandbox().devices().of("alice")).extracting((device) -> device.serialNumber())
			.containsExactly(serial);
	}

	@Test
	@Order(2)
	void credentialsIssuedOnOneInstanceThenDownloadedFromTheOther() {
		String serial = portals.sandbox().devices().createEnabled("alice", "/mfa-portal/", "two-instances");
		PortalClient alice = portals.signedIn("alice");
		Page issued = alice.submit(alice.get("/credentials"), "form#issue-credentials",
				issuance(serial, portals.sandbox().devices().freshCode(serial)));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		String keyId = issued.text("#session-access-key-id");
		Element bash = issued.document().selectFirst("button[data-format=bash]");

		Page download = alice.submit(issued, "form#download-credentials", Map.of(bash.attr("name"), bash.val()));

		assertThat(download.status()).as(download.body()).isEqualTo(200);
		assertThat(download.body()).contains("AWS_ACCESS_KEY_ID='" + keyId + "'");
		assertServedByBothInstances(issued, download);
		assertThat(portals.jdbc()
			.sql("SELECT count(*) FROM audit_event WHERE action = 'credentials.issued' AND access_key_id = ?")
			.param(keyId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	@Order(3)
	void wrongCodesSpreadOverBothInstancesThenTheLimitHoldsForTheNextCodeOnEither() {
		String serial = portals.sandbox().devices().createEnabled("alice", "/mfa-portal/", "two-instances-guard");
		PortalClient alice = portals.signedIn("alice");
		// One form for every attempt: the posts alone then alternate between the instances.
		Page form = alice.get("/credentials");
		Set<String> servedBy = new HashSet<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			Page wrong = alice.submit(form, "form#issue-credentials", issuance(serial, wrongCode(serial, attempt)));
			assertThat(wrong.status()).as("wrong code " + attempt).isEqualTo(400);
			servedBy.add(wrong.header(Nginx.UPSTREAM_HEADER));
		}
		assertThat(servedBy).containsExactlyInAnyOrder(portals.firstAddress(), portals.secondAddress());

		Page sixth = alice.submit(form, "form#issue-credentials",
				issuance(serial, portals.sandbox().devices().freshCode(serial)));

		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.document().select("#too-many-attempts")).isNotEmpty();
		assertThat(sixth.body()).doesNotContain("ASIA");
	}

	@Test
	@Order(4)
	void oneInstanceShutDownDuringABurstThenNoAnsweredRequestLacksItsAuditRowAndNoDeviceIsLeftHalfDone() {
		long auditMark = portals.jdbc().sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
		BurstResult burst = Burst.against(portals).run();
		burst.assertReachedBothInstancesAndOutlivedTheShutdown(portals);
		burst.assertEveryAnsweredChangeIsAudited(portals.jdbc(), auditMark);
		burst.assertEveryAwsChangeHadItsAuditRowFirst(portals.sandbox(), portals.jdbc(), auditMark);
		burst.cancelWhatIsStillPending(portals);
		burst.assertNoPortalDeviceIsLeftUnassigned(portals.sandbox());

		BurstResult.assertAuditChainVerifies(portals);
	}

	private static void assertServedByBothInstances(Page first, Page second) {
		assertThat(List.of(first.header(Nginx.UPSTREAM_HEADER), second.header(Nginx.UPSTREAM_HEADER)))
			.as("nginx access log:\n" + String.join("\n", portals.nginx().accessLog()))
			.containsExactlyInAnyOrder(portals.firstAddress(), portals.secondAddress());
	}

	static Map<String, String> issuance(String serial, String code) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("serialNumber", serial);
		fields.put("tokenCode", code);
		fields.put("durationSeconds", "3600");
		fields.put("accessKeyId", SandboxAccount.ALICE_ACCESS_KEY_ID);
		fields.put("secretAccessKey", SandboxAccount.ALICE_SECRET_ACCESS_KEY);
		return fields;
	}

	/**
	 * The {@code n}-th code that is certainly not the device's now nor in the window around it. Each attempt
	 * needs its own: a code sent once is refused as used (no AWS call, so not a wrong code) the second time.
	 */
	private static String wrongCode(String serial, int n) {
		Instant now = portals.sandbox().now();
		Set<String> window = new HashSet<>();
		for (int step = -1; step <= 2; step++) {
			window.add(portals.sandbox().devices().codeAt(serial, now.plusSeconds(30L * step)));
		}
		int found = 0;
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!window.contains(code) && ++found == n) {
				return code;
			}
		}
	}

}
