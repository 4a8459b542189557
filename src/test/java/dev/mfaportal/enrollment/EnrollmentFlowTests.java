package dev.mfaportal.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.sandbox.SandboxDevice;
import dev.mfaportal.sandbox.SandboxFault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole device flow over real HTTP against the sandbox AWS account and PostgreSQL, as a person with a
 * phone would go through it.
 */
class EnrollmentFlowTests extends EnrollmentFlowSupport {

	@Test
	void enrollWhenQrScannedAndTwoConsecutiveCodesEnteredThenDeviceEnabledAndListed() {
		PortalClient alice = signIn("alice");
		Page devices = alice.get("/mfa");
		assertThat(devices.status()).isEqualTo(200);
		assertThat(devices.text("#device-count")).contains("0 of 8");

		Page scanned = alice.submit(devices, "form#start-enrollment", Map.of("label", "work-phone"));
		assertThat(scanned.status()).isEqualTo(200);
		assertThat(scanned.header("Cache-Control")).contains("no-store");
		ScanPage scan = ScanPage.of(scanned);
		assertThat(scan.otpauthUri()).startsWith("otpauth://totp/MFA%20Portal:alice%40mfa-portal-sandbox?");
		assertThat(scan.query("issuer")).isEqualTo("MFA Portal");
		assertThat(scanned.text("#mfa-secret").replace(" ", "")).isEqualTo(scan.secret());
		assertThat(scan.serial()).isEqualTo("arn:aws:iam::123456789012:mfa/mfa-portal/alice-work-phone");
		assertThat(this.sandbox.devices().tags(scan.serial())).containsEntry("created-by", "mfa-portal")
			.containsEntry("portal-user", "alice")
			.containsKey("created-at");

		Page activated = activate(alice, scan, scan.code(-1), scan.code(0));
		assertThat(activated.status()).isEqualTo(302);
		Page after = alice.follow(activated);
		assertThat(after.document().selectFirst("#enrollment-success")).isNotNull();
		assertThat(after.document().select("tr[data-serial]").eachAttr("data-serial")).containsExactly(scan.serial());
		assertThat(after.text("#device-count")).contains("1 of 8");
		assertThat(this.sandbox.devices().of("alice")).extracting(SandboxDevice::serialNumber)
			.containsExactly(scan.serial());
		assertThat(auditActions("alice")).contains("enrollment.started", "enrollment.activated");
		// S22: who, which IAM user, what, how it ended, and from where.
		assertThat(this.jdbc.sql("""
				SELECT iam_user, outcome, source_ip, mfa_serial FROM audit_event
				WHERE portal_user = 'alice' AND action = 'enrollment.activated' ORDER BY id DESC LIMIT 1
				""").query().singleRow()).containsEntry("iam_user", "alice")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("mfa_serial", scan.serial())
			.extractingByKey("source_ip")
			.isNotNull();
	}

	@Test
	void activateWhenPhoneClockFastThenNamesOffsetAndNoAwsCall() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		this.sandbox.clearRequests();
		Page refused = activate(alice, scan, scan.code(2), scan.code(3));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#enrollment-problem")).contains("your phone's clock is about 90 seconds fast");
		assertThat(refused.document().select("input[name=code1]").attr("value")).isEmpty();
		assertThat(ScanPage.of(refused).secret()).isEqualTo(scan.secret());
		assertThat(this.sandbox.requestCount("EnableMFADevice")).isZero();
	}

	@Test
	void activateWhenAwsRefusesTheCodesThenSaysWaitForFreshCodes() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		// The phone and the portal agree; AWS's clock is 15 minutes off, beyond its window.
		this.sandbox.useTotpClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(15)));
		Page refused = activate(alice, scan, scan.code(-1), scan.code(0));
		assertThat(refused.text("#enrollment-problem")).contains("AWS did not accept these codes")
			.contains("AWS request id");
		assertThat(this.sandbox.devices().of("alice")).isEmpty();
	}

	@Test
	void activateWhenAwsThrottlesThenSaysNotAnsweringAndCallsOnlyOnce() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.throttling().onlyFor("EnableMFADevice"));
		Page refused = activate(alice, scan, scan.code(-1), scan.code(0));
		assertThat(refused.text("#enrollment-problem")).contains("AWS is not answering");
		// S16: a call that carries codes is never retried.
		assertThat(this.sandbox.requestCount("EnableMFADevice")).isEqualTo(1);
	}

	@Test
	void activateWhenAwsTimesOutThenSaysNotAnsweringAndCallsOnlyOnce() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		this.sandbox.clearRequests();
		// Longer than portal.aws.api-call-attempt-timeout: the code-carrying call times out and is not retried.
		this.sandbox.inject(SandboxFault.latency(Duration.ofSeconds(6)).onlyFor("EnableMFADevice"));
		Page refused = activate(alice, scan, scan.code(-1), scan.code(0));
		assertThat(refused.text("#enrollment-problem")).contains("AWS is not answering");
		assertThat(this.sandbox.requestCount("EnableMFADevice")).isEqualTo(1);
	}

	@Test
	void activateWhenPendingDeviceIsGoneThenSaysStartAgain() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		this.sandbox.reset();
		Page refused = activate(alice, scan, scan.code(-1), scan.code(0));
		assertThat(refused.text("#enrollment-problem")).contains("expired").contains("start again");
		assertThat(refused.document().selectFirst("form#start-enrollment")).isNotNull();
	}

	@Test
	void activateWhenTokenAlteredThenRefusedWithoutAwsCall() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		this.sandbox.clearRequests();
		String token = scan.page().document().selectFirst("form#activate-enrollment input[name=token]").val();
		Page refused = alice.submit(scan.page(), "form#activate-enrollment", Map.of("token",
				token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21), "code1",
				scan.code(-1), "code2", scan.code(0)));
		assertThat(refused.text("#enrollment-problem")).contains("could not be read");
		assertThat(this.sandbox.requestCount("EnableMFADevice")).isZero();
	}

	@Test
	void activateWhenAnotherEmployeesTokenThenForbiddenAndNoAwsCall() {
		ScanPage alicesScan = start(signIn("alice"));
		PortalClient bob = signIn("bob");
		Page bobsPage = bob.get("/mfa");
		this.sandbox.clearRequests();
		String token = alicesScan.page().document().selectFirst("form#activate-enrollment input[name=token]").val();
		Map<String, String> fields = Map.of("token", token, "code1", alicesScan.code(-1), "code2",
				alicesScan.code(0), "_csrf", bobsPage.document().selectFirst("input[name=_csrf]").val());
		assertThat(bob.post("/mfa/enrollment/activate", fields).status()).isEqualTo(403);
		assertThat(this.sandbox.requestCount("EnableMFADevice")).isZero();
		assertThat(auditActions("bob")).contains("access.denied");
	}

	@Test
	void cancelWhenPendingThenDeviceDeleted() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		Page cancelled = alice.submit(scan.page(), "form#cancel-enrollment", Map.of());
		assertThat(alice.follow(cancelled).text("#enrollment-notice")).contains("cancelled");
		assertThat(this.sandbox.devices().find(scan.serial())).isEmpty();
		assertThat(auditActions("alice")).contains("enrollment.cancelled");
	}

	@Test
	void cancelWhenAwsRefusesTheDeleteThenNeitherPageNorLogSaysDeleted() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		this.sandbox.inject(SandboxFault.serviceFailure().onlyFor("DeleteVirtualMFADevice"));
		Page cancelled = alice.submit(scan.page(), "form#cancel-enrollment", Map.of());
		assertThat(alice.follow(cancelled).text("#enrollment-notice")).contains("cancelled")
			.contains("did not delete")
			.doesNotContain("device deleted");
		assertThat(this.sandbox.devices().find(scan.serial())).isPresent();
		assertThat(auditActions("alice")).endsWith("enrollment.cancel-requested", "enrollment.cancel-failed")
			.doesNotContain("enrollment.cancelled");
	}

	@Test
	void startOrActivateWhenCsrfTokenMissingThenForbiddenAndNoAwsChange() {
		PortalClient alice = signIn("alice");
		ScanPage scan = start(alice);
		this.sandbox.clearRequests();
		String token = scan.page().document().selectFirst("form#activate-enrollment input[name=token]").val();
		assertThat(alice.post("/mfa/enrollment", Map.of("label", "x")).status()).isEqualTo(403);
		assertThat(alice.post("/mfa/enrollment/activate",
				Map.of("token", token, "code1", scan.code(-1), "code2", scan.code(0))).status()).isEqualTo(403);
		assertThat(alice.post("/mfa/enrollment/cancel", Map.of("token", token)).status()).isEqualTo(403);
		assertThat(this.sandbox.requestCount()).isZero();
	}

	@Test
	void activateWhenTwoEnrollmentsStartedAtOnceThenOnlyOneDeviceEnabledAndTheOtherToldWhy() throws Exception {
		PortalClient alice = signIn("alice");
		ScanPage first = start(alice, "first");
		ScanPage second = start(alice, "second");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Page>> both = List.of(() -> activate(alice, first, first.code(-1), first.code(0)),
					() -> activate(alice, second, second.code(-1), second.code(0)));
			List<Page> results = new ArrayList<>();
			for (Future<Page> result : pool.invokeAll(both)) {
				results.add(result.get());
			}
			assertThat(this.sandbox.devices().of("alice")).hasSize(1);
			List<String> messages = results.stream()
				.map((page) -> (page.status() == 302) ? alice.follow(page) : page)
				.map((page) -> (page.text("#enrollment-success") != null) ? "success"
						: page.text("#enrollment-problem"))
				.toList();
			assertThat(messages).containsExactlyInAnyOrder("success",
					"Another enrollment you started at the same time was activated first, so this one was "
							+ "cancelled. Your devices are listed below.");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.sandbox.devices().unassigned()).isEmpty();
	}

}
