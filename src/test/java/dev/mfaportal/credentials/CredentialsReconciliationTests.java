package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.sandbox.SandboxFault;
import dev.mfaportal.sandbox.SandboxRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;

/**
 * S30 after a fault run: alice asks for credentials again and again while AWS throttles, fails, answers too late
 * or drops the connection, and while the audit log refuses writes. Afterwards every session key that left the
 * portal (in any page it answered) has exactly one {@code credentials.issued} row, and every session the sandbox
 * account issued is accounted for: issued and recorded, refused after the caller check (recorded with its key),
 * never received by the portal (its answer came too late), or received but not shown because the issuance
 * could not be recorded.
 */
class CredentialsReconciliationTests extends CredentialsFlowSupport {

	/** portal.aws.api-call-attempt-timeout in {@link PortalFlowTest}. */
	static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

	/** GetSessionToken answers after the portal gave up on it: AWS issued a session the portal never saw. */
	static final Duration TOO_LATE = ATTEMPT_TIMEOUT.plusSeconds(1);

	/** Every answer, faults included, comes within the AWS call timeouts of its calls plus slack. */
	static final Duration ANSWER_LIMIT = Duration.ofSeconds(15);

	static final Pattern SESSION_KEY = Pattern.compile("ASIA[A-Z2-7]{16}");

	static final String GET_SESSION_TOKEN = "GetSessionToken";

	static final String GET_CALLER_IDENTITY = "GetCallerIdentity";

	/** What goes wrong during one issuance. */
	enum Fault {

		NONE(200), THROTTLED(503), SERVICE_FAILURE(503), TOO_LATE(503), DROPPED(503), SLOW_BUT_IN_TIME(200),
		CALLER_CHECK_THROTTLED(503), CALLER_CHECK_DROPPED(503), ISSUED_NOT_RECORDABLE(503),
		REQUEST_NOT_RECORDABLE(503), DEVICE_LIST_FAILS(503);

		final int status;

		Fault(int status) {
			this.status = status;
		}

	}

	final Set<String> unrecordable = ConcurrentHashMap.newKeySet();

	@AfterEach
	void realClock() {
		this.sandbox.useTotpClock(Clock.systemUTC());
	}

	@Test
	void faultRunThenEverySessionThatLeftThePortalHasExactlyOneIssuanceRow() {
		willAnswer((invocation) -> {
			AuditEvent event = invocation.getArgument(0);
			if (this.unrecordable.contains(event.action())) {
				throw new AuditUnavailableException("injected: audit write refused", null);
			}
			return invocation.callRealMethod();
		}).given(this.auditLog).record(any());
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		List<String> bodies = new ArrayList<>();
		List<String> shown = new ArrayList<>();
		int step = 0;
		for (int round = 0; round < 2; round++) {
			for (Fault fault : Fault.values()) {
				// A new 30-second step each time: a TOTP code is accepted once (S15), so each issuance needs its own.
				step++;
				this.sandbox.useTotpClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30L * step)));
				HttpResponse<String> answer = issueWith(fault, alice, serial);
				assertThat(answer.statusCode()).as(fault + ": " + answer.body()).isEqualTo(fault.status);
				bodies.add(answer.body());
				if (answer.statusCode() == 200) {
					shown.add(html(answer).selectFirst("#session-access-key-id").text());
				}
			}
		}

		assertThat(shown).hasSize(4).doesNotHaveDuplicates().allMatch((key) -> SESSION_KEY.matcher(key).matches());
		// Whatever page the portal answered, the only session keys in it are the issued ones.
		assertThat(sessionKeysIn(bodies)).containsExactlyInAnyOrderElementsOf(shown);
		for (String key : shown) {
			assertThat(issuedRows(key)).as("credentials.issued rows for " + key).isEqualTo(1);
			assertThat(this.sandbox.sessionOwner(key)).contains("alice");
		}
		assertThat(auditRows("credentials.issued")).extracting((row) -> row.get("access_key_id"))
			.containsExactlyInAnyOrderElementsOf(shown);
		reconcileWithTheSandbox(shown);
	}

	/** Every session the sandbox issued has exactly one explanation. */
	private void reconcileWithTheSandbox(List<String> shown) {
		Set<String> received = new HashSet<>();
		for (SandboxRequest request : this.sandbox.requests()) {
			if (GET_CALLER_IDENTITY.equals(request.action()) && request.accessKeyId() != null) {
				received.add(request.accessKeyId());
			}
		}
		Set<String> refusedWithKey = new HashSet<>();
		auditRows("credentials.failed").forEach((row) -> {
			if (row.get("access_key_id") != null) {
				refusedWithKey.add((String) row.get("access_key_id"));
			}
		});
		List<String> neverReceived = new ArrayList<>();
		List<String> notRecordable = new ArrayList<>();
		for (String session : this.sandbox.sessionKeyIds()) {
			if (shown.contains(session)) {
				continue;
			}
			if (!received.contains(session)) {
				neverReceived.add(session);
			}
			else if (!refusedWithKey.contains(session)) {
				notRecordable.add(session);
			}
		}
		assertThat(neverReceived).as("sessions whose GetSessionToken answer came too late").hasSize(2);
		assertThat(refusedWithKey).as("sessions refused after the caller check, recorded with their key").hasSize(4);
		assertThat(notRecordable).as("sessions received but not shown because the issuance could not be recorded")
			.hasSize(2);
		assertThat(this.sandbox.sessionKeyIds())
			.hasSize(shown.size() + neverReceived.size() + refusedWithKey.size() + notRecordable.size());
	}

	private HttpResponse<String> issueWith(Fault fault, PortalClient alice, String serial) {
		Document form = alice.page("/credentials");
		String code = this.sandbox.devices().freshCode(serial);
		this.sandbox.clearFaults();
		this.unrecordable.clear();
		switch (fault) {
			case NONE -> {
			}
			case THROTTLED -> this.sandbox.inject(SandboxFault.throttling().onlyFor(GET_SESSION_TOKEN));
			case SERVICE_FAILURE -> this.sandbox.inject(SandboxFault.serviceFailure().onlyFor(GET_SESSION_TOKEN));
			case TOO_LATE -> this.sandbox.inject(SandboxFault.latency(TOO_LATE).onlyFor(GET_SESSION_TOKEN));
			case DROPPED -> this.sandbox.inject(SandboxFault.droppedConnection().onlyFor(GET_SESSION_TOKEN));
			case SLOW_BUT_IN_TIME ->
				this.sandbox.inject(SandboxFault.latency(Duration.ofMillis(200)).onlyFor(GET_SESSION_TOKEN));
			case CALLER_CHECK_THROTTLED -> this.sandbox.inject(SandboxFault.throttling().onlyFor(GET_CALLER_IDENTITY));
			case CALLER_CHECK_DROPPED ->
				this.sandbox.inject(SandboxFault.droppedConnection().onlyFor(GET_CALLER_IDENTITY));
			case ISSUED_NOT_RECORDABLE -> this.unrecordable.add("credentials.issued");
			case REQUEST_NOT_RECORDABLE -> this.unrecordable.add("credentials.requested");
			case DEVICE_LIST_FAILS -> this.sandbox.inject(SandboxFault.serviceFailure().onlyFor("ListMFADevices"));
		}
		long sessionCalls = getSessionTokenCalls();
		int sessionsBefore = this.sandbox.sessionKeyIds().size();
		long start = System.nanoTime();
		Map<String, String> submitted = new LinkedHashMap<>(fields(serial, code, "3600", ALICE_KEY_ID, ALICE_SECRET));
		if (fault == Fault.DEVICE_LIST_FAILS) {
			// Without the form's sealed device list the portal must ask IAM whose device it is (S6), and IAM fails.
			submitted.put("sealedDevices", "");
		}
		HttpResponse<String> answer = alice.submit(form, "form#issue-credentials", submitted);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as(fault + " answer time").isLessThan(ANSWER_LIMIT);
		if (fault == Fault.REQUEST_NOT_RECORDABLE || fault == Fault.DEVICE_LIST_FAILS) {
			// S21 and S6: nothing reaches AWS with the code when the attempt cannot be recorded or checked.
			assertThat(getSessionTokenCalls()).as(fault + ": GetSessionToken calls").isEqualTo(sessionCalls);
		}
		else {
			// S16: the code-carrying call is made once, whatever happens to it.
			assertThat(getSessionTokenCalls()).as(fault + ": GetSessionToken calls").isEqualTo(sessionCalls + 1);
		}
		if (fault == Fault.TOO_LATE) {
			// The sandbox issues the session once its delay is over; the next issuance waits for that, or its
			// code (a later step) would make the late one count as used.
			awaitSessions(sessionsBefore + 1);
		}
		this.sandbox.clearFaults();
		this.unrecordable.clear();
		return answer;
	}

	private long issuedRows(String accessKeyId) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'credentials.issued' AND access_key_id = ?")
			.param(accessKeyId)
			.query(Long.class)
			.single();
	}

	private static Set<String> sessionKeysIn(List<String> bodies) {
		Set<String> keys = new LinkedHashSet<>();
		for (String body : bodies) {
			Matcher matcher = SESSION_KEY.matcher(body);
			while (matcher.find()) {
				keys.add(matcher.group());
			}
		}
		return keys;
	}

	private void awaitSessions(int count) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.sandbox.sessionKeyIds()).as("sessions in the sandbox")
				.hasSizeGreaterThanOrEqualTo(count));
	}

}
