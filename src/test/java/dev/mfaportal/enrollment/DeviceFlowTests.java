package dev.mfaportal.enrollment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.sandbox.SandboxFault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Around enrollment, over real HTTP against the sandbox AWS account and PostgreSQL: the device limit, the
 * sweeper, resync and removal of one's own devices only (S6), and the wrong-code limit (S14).
 */
class DeviceFlowTests extends EnrollmentFlowSupport {

	@Autowired
	private AbandonedDeviceSweeper sweeper;

	@Test
	void startWhenEightDevicesThenRefusedWithClearMessageAndNoDeviceCreated() {
		for (int i = 1; i <= 8; i++) {
			this.sandbox.devices().createEnabled("alice", "/", "alice-" + i);
		}
		PortalClient alice = signIn("alice");
		Page devices = alice.get("/mfa");
		assertThat(devices.text("#device-count")).contains("8 of 8");
		assertThat(devices.text("#device-limit-reached")).contains("8 MFA devices");
		assertThat(devices.document().selectFirst("form#start-enrollment button").hasAttr("disabled")).isTrue();
		this.sandbox.clearRequests();
		Page refused = alice.submit(devices, "form#start-enrollment", Map.of());
		assertThat(alice.follow(refused).text("#enrollment-problem")).contains("Remove one you no longer use");
		assertThat(this.sandbox.requestCount("CreateVirtualMFADevice")).isZero();
	}

	@Test
	void devicesAndStartWhenAwsThrottlesThenSayAwsIsNotAnsweringAndCreateNothing() {
		PortalClient alice = signIn("alice");
		Page devices = alice.get("/mfa");
		this.sandbox.inject(SandboxFault.throttling().onlyFor("ListMFADevices"));
		Page refused = alice.follow(alice.submit(devices, "form#start-enrollment", Map.of()));
		assertThat(refused.text("#enrollment-problem")).contains("AWS is not answering right now. Nothing was changed");
		assertThat(refused.document().selectFirst("#aws-unavailable")).isNotNull();
		assertThat(this.sandbox.requestCount("CreateVirtualMFADevice")).isZero();
	}

	@Test
	void startWhenLabelInvalidThenRefusedWithoutAwsCall() {
		PortalClient alice = signIn("alice");
		this.sandbox.clearRequests();
		Page refused = alice.submit(alice.get("/mfa"), "form#start-enrollment", Map.of("label", "my phone<script>"));
		assertThat(alice.follow(refused).text("#enrollment-problem")).contains("may only contain");
		assertThat(this.sandbox.requestCount("CreateVirtualMFADevice")).isZero();
	}

	@Test
	void sweepWhenUnassignedPortalDevicesOutliveTheTokenThenOnlyThoseAreDeleted() {
		String old = this.sandbox.devices().create("/mfa-portal/", "alice-old", Map.of("created-by", "mfa-portal",
				"portal-user", "alice", "created-at", "2020-01-01T00:00:00Z"));
		String fresh = this.sandbox.devices().create("/mfa-portal/", "alice-fresh", Map.of("created-by",
				"mfa-portal", "portal-user", "alice", "created-at", java.time.Instant.now().toString()));
		String elsewhere = this.sandbox.devices().create("/", "console-made", Map.of());
		String otherTool = this.sandbox.devices().create("/other-tool/", "old", Map.of("created-at",
				"2020-01-01T00:00:00Z"));
		String enabled = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-enabled");
		this.sweeper.sweepOnSchedule();
		assertThat(this.sandbox.devices().find(old)).isEmpty();
		assertThat(this.sandbox.devices().find(fresh)).isPresent();
		assertThat(this.sandbox.devices().find(elsewhere)).isPresent();
		assertThat(this.sandbox.devices().find(otherTool)).isPresent();
		assertThat(this.sandbox.devices().find(enabled)).isPresent();
	}

	@Test
	void resyncOrRemoveWhenCsrfTokenMissingThenForbiddenAndNoAwsChange() {
		String serial = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-csrf");
		PortalClient alice = signIn("alice");
		this.sandbox.clearRequests();
		assertThat(alice.post("/mfa/devices/resync", Map.of("serialNumber", serial, "code1", "123456", "code2",
				"654321")).status()).isEqualTo(403);
		assertThat(alice.post("/mfa/devices/remove", Map.of("serialNumber", serial)).status()).isEqualTo(403);
		assertThat(this.sandbox.requestCount()).isZero();
		assertThat(this.sandbox.devices().of("alice")).extracting("serialNumber").containsExactly(serial);
	}

	@Test
	void codeFieldsWhenScanPageAndResyncFormThenOneTimeCodeNumericInputs() {
		String serial = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-fields");
		PortalClient alice = signIn("alice");
		List<Element> fields = new ArrayList<>(
				alice.get("/mfa").document().select("form.resync-device-form input[name~=^code[12]$]"));
		fields.addAll(startWithStepUp(alice, serial).page().document().select("form#activate-enrollment input[name~=^code[12]$]"));
		assertThat(fields).hasSize(4).allSatisfy((field) -> {
			assertThat(field.attr("autocomplete")).isEqualTo("one-time-code");
			assertThat(field.attr("inputmode")).isEqualTo("numeric");
		});
	}

	@Test
	void resyncOrRemoveWhenAnotherEmployeesDeviceThenForbiddenAuditedAndNoAwsChange() {
		String bobs = this.sandbox.devices().createEnabled("bob", "/mfa-portal/", "bob-phone");
		PortalClient alice = signIn("alice");
		Page devices = alice.get("/mfa");
		String csrf = devices.document().selectFirst("input[name=_csrf]").val();
		this.sandbox.clearRequests();
		assertThat(alice.post("/mfa/devices/resync", Map.of("_csrf", csrf, "serial", bobs, "code1", "123456",
				"code2", "654321")).status()).isEqualTo(403);
		assertThat(alice.post("/mfa/devices/remove", Map.of("_csrf", csrf, "serial", bobs)).status())
			.isEqualTo(403);
		assertThat(this.sandbox.requestCount("ResyncMFADevice")).isZero();
		assertThat(this.sandbox.requestCount("DeactivateMFADevice")).isZero();
		assertThat(this.sandbox.requestCount("DeleteVirtualMFADevice")).isZero();
		assertThat(this.sandbox.devices().of("bob")).hasSize(1);
		assertThat(auditActions("alice")).contains("access.denied");
	}

	@Test
	void removeWhenSerialIsAHugeNonArnThenBadRequestAndTheAuditTableGrowsByLessThanFourKilobytes() {
		PortalClient alice = signIn("alice");
		String csrf = alice.get("/mfa").document().selectFirst("input[name=_csrf]").val();
		String huge = "arn:aws:iam::123456789012:mfa/" + "y".repeat(1_900_000);
		long sizeBefore = auditTableBytes();
		this.sandbox.clearRequests();
		assertThat(alice.post("/mfa/devices/remove", Map.of("_csrf", csrf, "serial", huge)).status()).isEqualTo(400);
		assertThat(auditTableBytes() - sizeBefore).isLessThan(4096);
		assertThat(this.sandbox.requestCount()).isZero();
		String stored = this.jdbc.sql("""
				SELECT mfa_serial FROM audit_event
				WHERE portal_user = 'alice' AND action = 'enrollment.remove-failed'
				ORDER BY id DESC LIMIT 1
				""").query(String.class).single();
		assertThat(stored).hasSize(256).startsWith("arn:aws:iam::123456789012:mfa/yyy").endsWith("…");
	}

	private long auditTableBytes() {
		return this.jdbc.sql("SELECT coalesce(sum(pg_column_size(a.*)), 0) FROM audit_event a")
			.query(Long.class)
			.single();
	}

	@Test
	void removeWhenOwnDeviceRecentSignInAndItsCurrentCodeThenDeactivatedAndDeleted() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		Page removed = alice.submit(confirmRemoval(alice, alices), "form#remove-device",
				aliceStepUp("codeSerial", alices));
		assertThat(alice.follow(removed).text("#enrollment-notice")).contains("was removed");
		assertThat(this.sandbox.devices().find(alices)).isEmpty();
	}

	@Test
	void resyncWhenOwnDeviceAndTwoConsecutiveCodesThenResynced() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		List<String> codes = this.sandbox.devices().freshCodePair(alices);
		PortalClient alice = signIn("alice");
		Page resynced = alice.submit(alice.get("/mfa"), "tr[data-serial=" + alices + "] form.resync-device-form",
				Map.of("code1", codes.get(0), "code2", codes.get(1)));
		assertThat(alice.follow(resynced).text("#enrollment-notice")).contains("back in step");
		assertThat(this.sandbox.requestCount("ResyncMFADevice")).isEqualTo(1);
	}

	@Test
	void resyncWhenWrongCodesThenTheDeviceListCountsDownToThePause() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		List<String> notices = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Page refused = alice.submit(alice.get("/mfa"), "tr[data-serial=" + alices + "] form.resync-device-form",
					Map.of("code1", "00000" + i, "code2", "10000" + i));
			assertThat(refused.status()).isEqualTo(302);
			Page devices = alice.follow(refused);
			assertThat(devices.text("#enrollment-problem")).as(devices.body()).isNotBlank();
			notices.add(devices.text("#attempts-left"));
		}
		assertThat(notices).containsExactly("4 attempts left before a 15-minute pause.",
				"3 attempts left before a 15-minute pause.", "2 attempts left before a 15-minute pause.",
				"1 attempt left before a 15-minute pause.",
				"No attempts left: tries are paused for up to 15 minutes, even with the right password or code.");
		assertThat(alice.get("/mfa").document().select("#attempts-left")).as("shown once, after the wrong code")
			.isEmpty();
	}

	@Test
	void removeWhenTheStepUpCodeIsWrongThenTheConfirmationSaysHowManyTriesAreLeftAndNothingIsRemoved() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		Map<String, String> wrong = new LinkedHashMap<>(aliceStepUp("codeSerial", alices));
		wrong.put("code", String.format("%06d", (Integer.parseInt(wrong.get("code")) + 500_000) % 1_000_000));

		Page refused = alice.submit(confirmRemoval(alice, alices), "form#remove-device", wrong);

		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		assertThat(refused.document().selectFirst("form#remove-device")).isNotNull();
		assertThat(refused.text("#attempts-left")).isEqualTo("4 attempts left before a 15-minute pause.");
		assertThat(refused.document().select("form#remove-device input[name=code]").val()).as("never echoed (S5)")
			.isEmpty();
		assertThat(this.sandbox.devices().find(alices)).isPresent();
	}

	@Test
	void activateWhenTooManyWrongCodesThen429WithRetryTimeAndNoAwsCallEvenWithCorrectCodes() {
		PortalClient bob = signIn("bob");
		ScanPage scan = start(bob);
		for (int i = 0; i < 5; i++) {
			Page wrong = activate(bob, scan, "000000", "000001");
			assertThat(wrong.text("#enrollment-problem")).contains("Check the code, or that your app shows this entry");
		}
		this.sandbox.clearRequests();
		Page blocked = activate(bob, scan, scan.code(-1), scan.code(0));
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.header("Retry-After")).isNotNull();
		assertThat(blocked.document().selectFirst("time#retry-at")).as(blocked.body()).isNotNull();
		assertThat(this.sandbox.requestCount("EnableMFADevice")).isZero();
		assertThat(auditActions("bob")).contains("enrollment.activation-failed");
	}

}
