package dev.mfaportal.enrollment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-up over real HTTP against the sandbox AWS account: a portal password alone neither adds a device next
 * to the employee's existing ones nor removes one; a current code of one of their devices does, checked by
 * AWS through the code pipeline, and each refusal is audited with its reason.
 */
class StepUpFlowTests extends EnrollmentFlowSupport {

	private long firstRow;

	@BeforeEach
	void auditMark() {
		this.firstRow = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
	}

	@Test
	void startWhenNoDeviceYetThenNoCodeAskedAndScanPageFollows() {
		PortalClient alice = signIn("alice");
		assertThat(alice.get("/mfa").document().select("form#start-enrollment input[name=code]")).isEmpty();
		assertThat(start(alice).serial()).contains("alice");
		assertThat(this.sandbox.requestCount("GetSessionToken")).isZero();
	}

	@Test
	void startWhenEmployeeHasADeviceAndNoCodeThenRefusedAuditedAndNoDeviceCreated() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		Page devices = alice.get("/mfa");
		assertThat(devices.document().select("form#start-enrollment input[name=code]")).hasSize(1);
		Map<String, String> fields = aliceStepUp("serial", alices);
		fields.remove("code");
		this.sandbox.clearRequests();
		Page refused = alice.follow(alice.submit(devices, "form#start-enrollment", fields));
		assertThat(refused.text("#enrollment-problem")).contains("six digits");
		assertThat(this.sandbox.requestCount("CreateVirtualMFADevice")).isZero();
		assertThat(this.sandbox.requestCount("GetSessionToken")).isZero();
		assertThat(refusals()).containsExactly("not-six-digits");
	}

	@Test
	void startWhenEmployeeHasADeviceAndItsCurrentCodeWithTheirKeyThenOneCheckAndTheSessionIsDropped() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		this.sandbox.clearRequests();
		ScanPage scan = startWithStepUp(alice, alices);
		assertThat(scan.serial()).isNotEqualTo(alices);
		assertThat(this.sandbox.requestCount("GetSessionToken")).isEqualTo(1);
		assertThat(scan.page().body()).doesNotContain("ASIA");
		List<String> actions = actionsSinceStart();
		assertThat(actions).containsSubsequence("enrollment.step-up-requested", "enrollment.step-up-verified",
				"enrollment.started");
	}

	@Test
	void startWhenWrongCodeThenRefusedAuditedWithReasonAndNothingCreated() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		Map<String, String> fields = aliceStepUp("serial", alices);
		fields.put("code", wrong(fields.get("code")));
		this.sandbox.clearRequests();
		Page refused = alice.follow(alice.submit(alice.get("/mfa"), "form#start-enrollment", fields));
		assertThat(refused.text("#enrollment-problem")).contains("did not accept this code");
		assertThat(this.sandbox.requestCount("CreateVirtualMFADevice")).isZero();
		assertThat(this.sandbox.devices().of("alice")).hasSize(1);
		assertThat(refusals()).containsExactly("invalid-code");
	}

	@Test
	void startWhenKeyMissingThenRefusedAuditedAndNoAwsCall() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		Map<String, String> fields = aliceStepUp("serial", alices);
		fields.remove("secretAccessKey");
		this.sandbox.clearRequests();
		Page refused = alice.follow(alice.submit(alice.get("/mfa"), "form#start-enrollment", fields));
		assertThat(refused.text("#enrollment-problem")).contains("Enter your access key");
		assertThat(this.sandbox.requestCount("GetSessionToken")).isZero();
		assertThat(this.sandbox.requestCount("CreateVirtualMFADevice")).isZero();
		assertThat(refusals()).containsExactly("key-required");
	}

	@Test
	void startWhenCodeOfAnotherEmployeesDeviceThenRefusedAuditedAndNoAwsCall() {
		this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		String bobs = this.sandbox.devices().createEnabled("bob", "/mfa-portal/", "bob-phone");
		PortalClient alice = signIn("alice");
		this.sandbox.clearRequests();
		alice.submit(alice.get("/mfa"), "form#start-enrollment", aliceStepUp("serial", bobs));
		assertThat(this.sandbox.requestCount("GetSessionToken")).isZero();
		assertThat(this.sandbox.requestCount("CreateVirtualMFADevice")).isZero();
		assertThat(refusals()).containsExactly("not-your-device");
	}

	@Test
	void confirmRemovalThenNamesTheDeviceAndSendsThoseWhoLostEveryDeviceToTheHelpDesk() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		Page devices = alice.get("/mfa");
		assertThat(devices.document().selectFirst("tr[data-serial=" + alices + "] form.remove-device-form")
			.attr("method")).isEqualTo("get");
		Page confirmation = confirmRemoval(alice, alices);
		// By its label, the ARN beside it.
		assertThat(confirmation.text("#remove-device-name")).isEqualTo("Remove the MFA device “phone”?");
		assertThat(confirmation.text("#mfa-remove .device-serial")).isEqualTo(alices);
		assertThat(confirmation.text("#lost-devices")).contains("help desk");
		assertThat(this.sandbox.devices().find(alices)).isPresent();
	}

	@Test
	void removeWhenNoCodeThenDeviceStaysAndRefusalAudited() {
		String alices = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		PortalClient alice = signIn("alice");
		String csrf = PortalClient.csrf(alice.get("/mfa").document(), "form#start-enrollment");
		this.sandbox.clearRequests();
		Map<String, String> fields = aliceStepUp("codeSerial", alices);
		fields.remove("code");
		fields.put("_csrf", csrf);
		fields.put("serial", alices);
		Page refused = alice.post("/mfa/devices/remove", fields);
		assertThat(refused.text("#enrollment-problem")).contains("six digits");
		assertThat(refused.text("#remove-device-name")).contains("“phone”");
		assertThat(refused.text("#mfa-remove .device-serial")).isEqualTo(alices);
		assertThat(this.sandbox.requestCount("DeactivateMFADevice")).isZero();
		assertThat(this.sandbox.devices().find(alices)).isPresent();
		assertThat(refusals()).containsExactly("not-six-digits");
	}

	@Test
	void removeWhenCurrentCodeOfAnotherOfTheirDevicesThenRemoved() {
		String phone = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		String lost = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-lost");
		PortalClient alice = signIn("alice");
		Page confirmation = confirmRemoval(alice, lost);
		assertThat(confirmation.document().select("form#remove-device select[name=codeSerial] option")).hasSize(2);
		Page removed = alice.submit(confirmation, "form#remove-device", aliceStepUp("codeSerial", phone));
		assertThat(alice.follow(removed).text("#enrollment-notice")).contains("was removed");
		assertThat(this.sandbox.devices().find(lost)).isEmpty();
		assertThat(this.sandbox.devices().find(phone)).isPresent();
		assertThat(actionsSinceStart()).containsSubsequence("enrollment.step-up-verified", "enrollment.removed");
	}

	private static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	private List<String> refusals() {
		return this.jdbc.sql("""
				SELECT detail->>'reason' FROM audit_event
				WHERE id > :first AND action = 'enrollment.step-up-failed' ORDER BY id""")
			.param("first", this.firstRow)
			.query(String.class)
			.list();
	}

	private List<String> actionsSinceStart() {
		return this.jdbc.sql("SELECT action FROM audit_event WHERE id > :first AND portal_user = 'alice' ORDER BY id")
			.param("first", this.firstRow)
			.query(String.class)
			.list();
	}

}
