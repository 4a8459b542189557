package dev.mfaportal.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S28 on the running portal against the sandbox account: AWS throttles, fails with 500, drops the connection
 * or answers too late. The employee gets "AWS is not answering, try again", the SDK's retries stop at
 * {@code portal.aws.max-attempts}, a call gives up after {@code portal.aws.api-call-timeout}, and the portal
 * keeps serving everyone else meanwhile. {@link PortalFlowTest} shortens the timeouts so the test stays quick.
 */
@PortalFlowTest
class AwsFaultTests {

	static final int MAX_ATTEMPTS = 3;

	static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(3);

	/** Longer than the call timeout: without it the page would wait this long. */
	static final Duration SLOW = Duration.ofSeconds(20);

	/** Room for a loaded build machine on top of the call timeout. */
	static final Duration SLACK = Duration.ofSeconds(4);

	static final String LIST = "ListMFADevices";

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@BeforeEach
	@AfterEach
	void noFaults() {
		this.sandbox.clearFaults();
		this.sandbox.clearRequests();
	}

	@Test
	void homeWhenAwsThrottlesThenSaysTryAgainAfterBoundedRetries() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.throttling().onlyFor(LIST));
		assertTryAgain(alice.get("/"));
		assertThat(this.sandbox.requestCount(LIST)).isBetween(1L, (long) MAX_ATTEMPTS);
	}

	@Test
	void homeWhenAwsFailsWith500ThenSaysTryAgainAfterBoundedRetries() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.serviceFailure().onlyFor(LIST));
		assertTryAgain(alice.get("/"));
		assertThat(this.sandbox.requestCount(LIST)).isBetween(1L, (long) MAX_ATTEMPTS);
	}

	@Test
	void homeWhenAwsDropsTheConnectionThenSaysTryAgainAfterBoundedRetries() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.droppedConnection().onlyFor(LIST));
		assertTryAgain(alice.get("/"));
		assertThat(this.sandbox.requestCount(LIST)).isBetween(1L, (long) MAX_ATTEMPTS);
	}

	@Test
	void homeWhenAwsAnswersTooLateThenGivesUpWithinTheCallTimeout() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.latency(SLOW).onlyFor(LIST));
		Page home = within(API_CALL_TIMEOUT.plus(SLACK), () -> alice.get("/"));
		assertTryAgain(home);
		assertThat(this.sandbox.requestCount(LIST)).isBetween(1L, (long) MAX_ATTEMPTS);
	}

	@Test
	void otherRequestsWhileAwsIsSlowThenServedAtOnce() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		PortalClient visitor = PortalClient.followingRedirects(this.port);
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.latency(SLOW).onlyFor(LIST));
		CompletableFuture<Page> waiting = CompletableFuture.supplyAsync(() -> alice.get("/"));
		awaitRequest(LIST);
		assertThat(within(Duration.ofSeconds(2), () -> visitor.get("/login")).status()).isEqualTo(200);
		assertThat(within(Duration.ofSeconds(2), () -> visitor.get("/css/portal.css")).status()).isEqualTo(200);
		assertThat(waiting).as("alice's page still waits for AWS").isNotDone();
		assertTryAgain(waiting.join());
	}

	@Test
	void homeWhenAwsRecoversThenListsDevicesAgain() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.sandbox.inject(SandboxFault.throttling().onlyFor(LIST));
		assertTryAgain(alice.get("/"));
		this.sandbox.clearFaults();
		Document home = alice.get("/").document();
		assertThat(home.selectFirst("#aws-problem")).isNull();
		assertThat(home.selectFirst("#device-count")).isNotNull();
	}

	@Test
	void credentialsFormWhenAwsThrottlesThenSaysTryAgainAfterBoundedRetries() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.throttling().onlyFor(LIST));
		Page form = within(API_CALL_TIMEOUT.plus(SLACK), () -> alice.get("/credentials"));
		assertThat(form.status()).isEqualTo(503);
		assertThat(form.document().selectFirst("#devices-unavailable").text())
			.contains("AWS is not answering right now");
		assertThat(this.sandbox.requestCount(LIST)).isBetween(1L, (long) MAX_ATTEMPTS);
	}

	@Test
	void devicesPageWhenAwsFailsThenSaysTryAgainAfterBoundedRetries() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.sandbox.clearRequests();
		this.sandbox.inject(SandboxFault.serviceFailure().onlyFor(LIST));
		Page devices = within(API_CALL_TIMEOUT.plus(SLACK), () -> alice.get("/mfa"));
		assertThat(devices.document().selectFirst("#aws-unavailable")).as(devices.body()).isNotNull();
		assertThat(devices.document().selectFirst("#aws-unavailable").text())
			.contains("AWS is not answering right now");
		assertThat(this.sandbox.requestCount(LIST)).isBetween(1L, (long) MAX_ATTEMPTS);
	}

	@Test
	void startEnrollmentWhenAwsAnswersTooLateThenSaysSoWithinTheCallTimeout() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		String csrf = PortalClient.csrf(alice.get("/mfa").document(), "form");
		Duration tooLate = API_CALL_TIMEOUT.plusSeconds(2);
		this.sandbox.inject(SandboxFault.latency(tooLate).onlyFor("CreateVirtualMFADevice"));
		long start = System.nanoTime();
		Page answer = within(API_CALL_TIMEOUT.plus(SLACK),
				() -> alice.post("/mfa/enrollment", Map.of("label", "slow-aws", "_csrf", csrf)));
		assertThat(answer.document().text()).contains("AWS is not answering right now");
		assertThat(answer.body()).doesNotContainIgnoringCase("exception");
		// The sandbox still creates the device(s) once the delay is over; let that happen within this test.
		DatabaseOutageTests.sleep(tooLate.plusSeconds(1).minus(Duration.ofNanos(System.nanoTime() - start)));
	}

	static void assertTryAgain(Page response) {
		assertThat(response.status()).isEqualTo(200);
		Document page = response.document();
		assertThat(page.selectFirst("#aws-problem")).as(response.body()).isNotNull();
		assertThat(page.selectFirst("#aws-problem").text()).contains("AWS is not answering right now")
			.contains("try again");
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("Throttling", "Rate exceeded", "ServiceFailure", "127.0.0.1");
	}

	static <T> T within(Duration limit, Supplier<T> request) {
		long start = System.nanoTime();
		T answer = request.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answer time").isLessThan(limit);
		return answer;
	}

	void awaitRequest(String action) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(this.sandbox.requestCount(action)).as(action + " reached the sandbox")
				.isPositive());
	}

}
