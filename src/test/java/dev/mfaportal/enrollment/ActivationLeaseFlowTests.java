package dev.mfaportal.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.sandbox.SandboxFault;
import dev.mfaportal.sandbox.SandboxRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S38 over real HTTP: while activations wait for a slow AWS, no database connection is held for them, so
 * the rest of the portal keeps answering.
 */
class ActivationLeaseFlowTests extends EnrollmentFlowSupport {

	private static final int ACTIVATIONS = 20;

	private static final Duration SLOW_ENABLE = Duration.ofSeconds(5);

	@Test
	void activateWhenIamSlowAndTwentyAtOnceThenHomePageStillAnswersWithinOneSecond()
			throws Exception {
		PortalClient alice = signIn("alice");
		List<ScanPage> scans = new ArrayList<>();
		for (int i = 0; i < ACTIVATIONS; i++) {
			scans.add(start(alice, "lease-" + i));
		}
		PortalClient bystander = signIn("bob");
		Duration baseline = timed(() -> bystander.get("/"));
		// The change inside the lease is slow; the home page's own ListMFADevices is not.
		this.sandbox.inject(SandboxFault.latency(SLOW_ENABLE).onlyFor("EnableMFADevice"));
		ExecutorService pool = Executors.newFixedThreadPool(ACTIVATIONS);
		Page home;
		Duration took;
		try {
			List<Future<Page>> activations = new ArrayList<>();
			for (ScanPage scan : scans) {
				activations.add(pool.submit(() -> activate(alice, scan, scan.code(-1), scan.code(0))));
			}
			// One activation is inside the lease waiting for IAM; every other one still running has passed the guard
			// (its attempt is in flight) and waits for the lease: the burst of starting them is over.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.sandbox.requestCount("EnableMFADevice") > 0
						&& attemptsInFlight() == activations.stream().filter((activation) -> !activation.isDone()).count());
			long began = System.nanoTime();
			home = bystander.get("/");
			took = Duration.ofNanos(System.nanoTime() - began);
			for (Future<Page> activation : activations) {
				activation.get(3, TimeUnit.MINUTES);
			}
		}
		finally {
			this.sandbox.clearFaults();
			pool.shutdownNow();
		}
		assertThat(home.status()).isEqualTo(200);
		// Within a second of what the same page takes without the activations on this (shared, loaded) machine.
		assertThat(took).isLessThan(Duration.ofSeconds(1).plus(baseline));
		// No device count here: the flow tests' AWS client gives up after 1 s, and the sandbox still applies a
		// delayed EnableMFADevice afterwards. S19 itself is EnrollmentFlowTests' two-at-once test. The next test
		// starts once the sandbox has answered the last one, which it does SLOW_ENABLE after it arrived.
		Instant lastEnableAnswered = this.sandbox.requests()
			.stream()
			.filter((request) -> "EnableMFADevice".equals(request.action()))
			.map(SandboxRequest::at)
			.max(Instant::compareTo)
			.orElseThrow()
			.plus(SLOW_ENABLE);
		await().atMost(SLOW_ENABLE.multipliedBy(2)).until(() -> Instant.now().isAfter(lastEnableAnswered));
	}

	private long attemptsInFlight() {
		return this.jdbc.sql("SELECT count(*) FROM guard_wrong_code WHERE in_flight").query(Long.class).single();
	}

	private static Duration timed(Runnable request) {
		long began = System.nanoTime();
		request.run();
		return Duration.ofNanos(System.nanoTime() - began);
	}

}
