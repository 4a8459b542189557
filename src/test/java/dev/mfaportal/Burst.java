package dev.mfaportal;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Employees working through nginx while one of two instances stops: two start and cancel enrollments in a
 * loop, one issues credentials in a loop, and once a few answers are in, the second instance is shut down
 * (graceful, as on a rolling update or a node drain) or killed (SIGKILL, as a crashed node). So that the stop
 * certainly meets a request in the middle of its AWS change, one resync is inside the second instance at that
 * moment, its {@code ResyncMFADevice} held by the sandbox. Every answer is kept, with what it showed.
 */
final class Burst {

	/** Rounds each employee does at least; then on until one round began after the shutdown had ended. */
	private static final int ROUNDS = 4;

	/** A bound on the loops, should the shutdown never end. */
	private static final int MAX_ROUNDS = 40;

	private static final int ANSWERS_BEFORE_SHUTDOWN = 6;

	/** Below the portal's 4 s attempt timeout, so the held call succeeds. */
	private static final Duration HELD_CALL = Duration.ofMillis(2500);

	private final TwoPortals portals;

	private final boolean kill;

	private final Queue<BurstResult.Answer> answers = new ConcurrentLinkedQueue<>();

	private final CountDownLatch warmedUp = new CountDownLatch(ANSWERS_BEFORE_SHUTDOWN);

	private volatile Instant shutdownStarted;

	private volatile Instant shutdownEnded;

	private Burst(TwoPortals portals, boolean kill) {
		this.portals = portals;
		this.kill = kill;
	}

	/** A burst during which the second instance shuts down gracefully. */
	static Burst against(TwoPortals portals) {
		return new Burst(portals, false);
	}

	/** A burst during which the second instance is killed ({@link TwoPortals#startWithSecondInItsOwnProcess}). */
	static Burst killingTheSecondOf(TwoPortals portals) {
		return new Burst(portals, true);
	}

	/** Runs the burst; the second instance stops while it runs. */
	BurstResult run() {
		String resynced = this.portals.sandbox().devices().createEnabled("bob", "/mfa-portal/", "burst-resync");
		PortalClient alice = this.portals.signedIn("alice");
		PortalClient admin = this.portals.signedIn("admin");
		PortalClient bob = this.portals.signedIn("bob");
		PortalClient bobOnSecond = this.portals.clientOfSecond().signIn("bob", "bob");
		ExecutorService employees = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = List.of(employees.submit(() -> enrollAndCancel(alice, "alice")),
					employees.submit(() -> enrollAndCancel(admin, "admin")),
					employees.submit(() -> issue(bob)));
			assertThat(this.warmedUp.await(30, TimeUnit.SECONDS)).as("answers before the shutdown").isTrue();
			this.portals.sandbox().inject(SandboxFault.latency(HELD_CALL).onlyFor("ResyncMFADevice").times(1));
			Future<?> inFlight = employees.submit(() -> resync(bobOnSecond, resynced));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.portals.sandbox().requestCount("ResyncMFADevice") == 1);
			this.shutdownStarted = Instant.now();
			if (this.kill) {
				this.portals.killSecond();
			}
			else {
				this.portals.closeSecond();
			}
			this.shutdownEnded = Instant.now();
			inFlight.get(30, TimeUnit.SECONDS);
			for (Future<?> employee : work) {
				employee.get(60, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The burst did not finish: " + ex, ex);
		}
		finally {
			employees.shutdownNow();
		}
		return new BurstResult(List.copyOf(this.answers), this.shutdownStarted, this.shutdownEnded, this.kill);
	}

	/** Whether an employee goes on: for {@link #ROUNDS}, then until a round has begun after the shutdown. */
	private boolean goOn(int round, Instant roundsAfter) {
		return round < MAX_ROUNDS && (round < ROUNDS || roundsAfter == null);
	}

	private void enrollAndCancel(PortalClient client, String user) {
		Instant afterShutdown = null;
		for (int round = 0; goOn(round, afterShutdown); round++) {
			afterShutdown = (this.shutdownEnded != null) ? Instant.now() : null;
			Page devices = client.get("/mfa");
			if (devices.status() != 200) {
				continue;
			}
			Instant sent = Instant.now();
			Page scan = client.submit(devices, "form#start-enrollment", Map.of("label", user + "-burst-" + round));
			boolean started = scan.status() == 200;
			String serial = started ? scan.document().selectFirst("#mfa-scan").attr("data-serial") : null;
			String token = started ? scan.document().selectFirst("form#cancel-enrollment input[name=token]").val() : null;
			record("start", user, sent, scan, serial, token);
			if (started) {
				Instant cancelSent = Instant.now();
				record("cancel", user, cancelSent, client.submit(scan, "form#cancel-enrollment", Map.of()), serial, token);
			}
		}
	}

	private void issue(PortalClient client) {
		Instant afterShutdown = null;
		for (int round = 0; goOn(round, afterShutdown); round++) {
			afterShutdown = (this.shutdownEnded != null) ? Instant.now() : null;
			// A device per round: each has only the few codes of AWS's window to give at a time.
			String serial = this.portals.sandbox().devices().createEnabled("bob", "/mfa-portal/", "burst-" + round);
			Page form = client.get("/credentials");
			if (form.status() != 200) {
				continue;
			}
			Map<String, String> fields = TwoInstancesTests.issuance(serial,
					this.portals.sandbox().devices().freshCode(serial));
			fields.put("accessKeyId", SandboxAccount.BOB_ACCESS_KEY_ID);
			fields.put("secretAccessKey", SandboxAccount.BOB_SECRET_ACCESS_KEY);
			Instant sent = Instant.now();
			Page issued = client.submit(form, "form#issue-credentials", fields);
			record("issue", "bob", sent, issued, (issued.status() == 200) ? issued.text("#session-access-key-id") : null, null);
		}
	}

	private void resync(PortalClient client, String serial) {
		Page devices = client.get("/mfa");
		List<String> codes = this.portals.sandbox().devices().freshCodePair(serial);
		Instant sent = Instant.now();
		try {
			Page resync = client.post("/mfa/devices/resync", Map.of("serial", serial, "code1", codes.get(0), "code2",
					codes.get(1), "_csrf", PortalClient.csrf(devices.document(), "form#sign-out")));
			record("resync", "bob", sent, resync, serial, null);
		}
		catch (UncheckedIOException ex) {
			// The connection went with the killed process: the employee's browser shows a network error.
			this.answers.add(new BurstResult.Answer("resync", "bob", BurstResult.NO_ANSWER, serial, null,
					this.portals.secondAddress(), sent, Instant.now()));
		}
	}

	private void record(String kind, String user, Instant sent, Page page, String subject, String token) {
		this.answers.add(new BurstResult.Answer(kind, user, page.status(), subject, token, page.header(Nginx.UPSTREAM_HEADER),
				sent, Instant.now()));
		this.warmedUp.countDown();
	}

}
