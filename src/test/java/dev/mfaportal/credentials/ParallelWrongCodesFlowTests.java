package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.mfaportal.PortalClient;
import dev.mfaportal.sandbox.SandboxFault;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S14 under parallel requests: the limit on wrong codes holds when they all arrive at once, because the guard
 * counts each attempt before its code goes to AWS.
 */
class ParallelWrongCodesFlowTests extends CredentialsFlowSupport {

	private static final int REQUESTS = 25;

	@Test
	void twentyFiveConcurrentWrongCodesFromOneEmployeeThenAtMostFiveReachAws() throws Exception {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Document form = alice.page("/credentials");
		List<String> wrongCodes = wrongCodes(serial, REQUESTS);
		// Each code spends a while at AWS, so that all of them are in flight together.
		this.sandbox.inject(SandboxFault.latency(Duration.ofMillis(400)).onlyFor("GetSessionToken"));
		long calls = getSessionTokenCalls();

		List<Integer> statuses = concurrently(REQUESTS, (i) -> alice
			.submit(form, "form#issue-credentials", fields(serial, wrongCodes.get(i), "3600", ALICE_KEY_ID,
					ALICE_SECRET))
			.statusCode());

		assertThat(getSessionTokenCalls() - calls).isLessThanOrEqualTo(5);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSizeGreaterThanOrEqualTo(REQUESTS - 5);
		assertThat(statuses).containsOnly(400, 429);
	}

	interface Request {

		int send(int index);

	}

	/** Sends {@code count} requests from as many threads, released together by one start gate. */
	static List<Integer> concurrently(int count, Request request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				answers.add(threads.submit(() -> {
					gate.await();
					return request.send(index);
				}));
			}
			gate.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Distinct codes that are certainly not the device's now nor in the window around it. */
	private List<String> wrongCodes(String serial, int count) {
		Instant now = this.sandbox.now();
		List<String> window = new ArrayList<>();
		for (int step = -2; step <= 3; step++) {
			window.add(this.sandbox.devices().codeAt(serial, now.plusSeconds(30L * step)));
		}
		List<String> codes = new ArrayList<>();
		for (int candidate = 0; codes.size() < count; candidate++) {
			String code = String.format("%06d", candidate);
			if (!window.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

}
