package dev.mfaportal.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.mfaportal.Concurrently;
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

		List<Integer> statuses = Concurrently.run(REQUESTS, (i) -> () -> alice
			.submit(form, "form#issue-credentials", fields(serial, wrongCodes.get(i), "3600", ALICE_KEY_ID,
					ALICE_SECRET))
			.statusCode());

		assertThat(getSessionTokenCalls() - calls).isLessThanOrEqualTo(5);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSizeGreaterThanOrEqualTo(REQUESTS - 5);
		assertThat(statuses).containsOnly(400, 429);
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
