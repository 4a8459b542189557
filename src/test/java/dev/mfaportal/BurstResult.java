package dev.mfaportal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxRequest;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a {@link Burst} got back, and the checks on it: every answered change is in the audit log, and no
 * device the portal created is left unassigned once pending enrollments are cancelled or swept.
 *
 * @param answers every answer, in the order they came
 * @param shutdownStarted when the second instance began its shutdown
 * @param shutdownEnded when it had stopped
 * @param killed whether it was killed (SIGKILL) rather than shut down gracefully
 */
record BurstResult(List<Answer> answers, Instant shutdownStarted, Instant shutdownEnded, boolean killed) {

	/** The status of a request whose connection broke before any answer came (the instance was killed). */
	static final int NO_ANSWER = -1;

	/**
	 * The AWS changes of a burst and the audit rows the portal writes before making each (S21): every such call
	 * that reached AWS must have one of these rows, written before the call, whatever became of the instance
	 * that made it.
	 */
	private static final Map<String, List<String>> ROWS_BEFORE = Map.of("CreateVirtualMFADevice",
			List.of("enrollment.start-requested"), "DeleteVirtualMFADevice",
			List.of("enrollment.cancel-requested", "enrollment.sweep-requested"), "ResyncMFADevice",
			List.of("enrollment.resync-requested"), "GetSessionToken", List.of("credentials.requested"));

	/**
	 * One answer to a state-changing request: the scan page of a started enrollment ({@code start}, the
	 * serial), a cancel ({@code cancel}, the serial), an issuance ({@code issue}, the session key id) or the
	 * resync in flight at the shutdown ({@code resync}, the serial); {@code sent} when the request left, {@code at}
	 * when its answer (or the broken connection) came back.
	 */
	record Answer(String kind, String user, int status, String subject, String token, String servedBy, Instant sent,
			Instant at) {

		/** Whether the portal answered that it did it: the scan page or the credentials (200), a redirect (302). */
		boolean done() {
			int done = (this.kind.equals("start") || this.kind.equals("issue")) ? 200 : 302;
			return this.subject != null && this.status == done;
		}

	}

	/**
	 * The burst really was spread over both instances and went on, served by the first, after the second had
	 * stopped: every request sent after that was served by the first. No request got an error, except that nginx may answer 502 for a request it had just handed to the
	 * stopping instance when that instance closed its socket without accepting it (graceful) or died with it
	 * (killed): such a request never got an answer from the portal. The resync that was inside the second instance
	 * when it began to stop was answered (graceful) or lost its connection (killed).
	 */
	void assertReachedBothInstancesAndOutlivedTheShutdown(TwoPortals portals) {
		String summary = summary();
		assertThat(this.answers).as(summary)
			.anyMatch((answer) -> answer.kind().equals("start") && portals.secondAddress().equals(answer.servedBy()))
			.filteredOn((answer) -> !answer.kind().equals("resync"))
			.allMatch((answer) -> answer.done() || answer.status() == 502 && answer.servedBy() != null
					&& answer.servedBy().startsWith(portals.secondAddress()));
		assertThat(this.answers).as(summary)
			.filteredOn((answer) -> !answer.kind().equals("resync") && answer.sent().isAfter(this.shutdownEnded))
			.isNotEmpty()
			.allSatisfy((answer) -> assertThat(answer.servedBy()).endsWith(portals.firstAddress()));
		assertThat(this.answers).as(summary)
			.filteredOn((answer) -> answer.kind().equals("resync"))
			.singleElement()
			.satisfies((resync) -> assertThat(resync.done()).isEqualTo(!this.killed))
			.satisfies((resync) -> assertThat(resync.status()).isEqualTo(this.killed ? NO_ANSWER : 302))
			.satisfies((resync) -> assertThat(resync.at()).isAfter(this.shutdownStarted));
	}

	/**
	 * Every AWS change that reached the sandbox during the burst was preceded by its audit row: for each kind of
	 * change, by the time of its n-th call at least n rows of the kind that announces it had been written. This
	 * holds for the calls of the instance that stopped too, answered or not.
	 */
	void assertEveryAwsChangeHadItsAuditRowFirst(SandboxAccount sandbox, JdbcClient jdbc, long afterId) {
		List<SandboxRequest> requests = sandbox.requests();
		List<Map.Entry<String, Instant>> rows = jdbc
			.sql("SELECT action, occurred_at FROM audit_event WHERE id > ? ORDER BY occurred_at")
			.param(afterId)
			.query((row, number) -> Map.entry(row.getString("action"),
					row.getObject("occurred_at", OffsetDateTime.class).toInstant()))
			.list();
		ROWS_BEFORE.forEach((action, announcing) -> {
			List<Instant> calls = requests.stream()
				.filter((request) -> action.equals(request.action()))
				.map(SandboxRequest::at)
				.sorted()
				.toList();
			List<Instant> announced = rows.stream()
				.filter((row) -> announcing.contains(row.getKey()))
				.map(Map.Entry::getValue)
				.toList();
			for (int n = 0; n < calls.size(); n++) {
				Instant call = calls.get(n);
				assertThat(announced.stream().filter((at) -> !at.isAfter(call)).count())
					.as("%s rows written by the time of %s call %d of %d at %s%n%s", announcing, action, n + 1,
							calls.size(), call, summary())
					.isGreaterThanOrEqualTo(n + 1);
			}
		});
		assertThat(requests).as("the burst made AWS changes of every kind checked")
			.extracting(SandboxRequest::action)
			.containsAll(ROWS_BEFORE.keySet());
	}

	/** Every start, cancel, issuance and resync the portal answered as done has its row in the audit log. */
	void assertEveryAnsweredChangeIsAudited(JdbcClient jdbc, long afterId) {
		List<Map<String, Object>> rows = jdbc
			.sql("SELECT action, outcome, mfa_serial, access_key_id FROM audit_event WHERE id > ? ORDER BY id")
			.param(afterId)
			.query()
			.listOfRows();
		for (Answer answer : this.answers) {
			if (!answer.done()) {
				continue;
			}
			switch (answer.kind()) {
				case "start" -> assertThat(rows).as(answer.toString())
					.anyMatch((row) -> "enrollment.started".equals(row.get("action"))
							&& answer.subject().equals(row.get("mfa_serial")));
				case "cancel" -> assertThat(rows).as(answer.toString())
					.anyMatch((row) -> "enrollment.cancelled".equals(row.get("action"))
							&& answer.subject().equals(row.get("mfa_serial")));
				case "issue" -> assertThat(rows).as(answer.toString())
					.anyMatch((row) -> "credentials.issued".equals(row.get("action"))
							&& answer.subject().equals(row.get("access_key_id")));
				case "resync" -> assertThat(rows).as(answer.toString())
					.anyMatch((row) -> String.valueOf(row.get("action")).startsWith("enrollment.resync")
							&& "SUCCESS".equals(row.get("outcome")) && answer.subject().equals(row.get("mfa_serial")));
				default -> throw new IllegalStateException(answer.kind());
			}
		}
	}

	/** Cancels, through nginx, every enrollment whose scan page came back but whose cancel did not. */
	void cancelWhatIsStillPending(TwoPortals portals) {
		for (Answer start : this.answers) {
			boolean cancelled = this.answers.stream()
				.anyMatch((answer) -> answer.kind().equals("cancel") && answer.done()
						&& answer.subject().equals(start.subject()));
			if (start.kind().equals("start") && start.done() && !cancelled) {
				PortalClient client = portals.signedIn(start.user());
				Page devices = client.get("/mfa");
				client.post("/mfa/enrollment/cancel",
						Map.of("token", start.token(), "_csrf", PortalClient.csrf(devices.document(), "form#sign-out")));
			}
		}
	}

	/** No device under the portal's path is left unassigned: cancelled, or deleted by the sweeper. */
	void assertNoPortalDeviceIsLeftUnassigned(SandboxAccount sandbox) {
		Duration limit = Duration.parse("PT" + TwoPortals.TOKEN_LIFETIME).plusSeconds(15);
		// A killed instance may have held the sweeper's lease (EnrollmentLocks.LEASE, 2 minutes): nobody sweeps
		// until it runs out.
		await().atMost(this.killed ? limit.plusMinutes(2) : limit)
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(sandbox.devices().unassigned()).as(summary())
				.noneMatch((device) -> device.serialNumber().contains(":mfa/mfa-portal/")));
	}

	/** The admin's integrity check of the whole chain, through nginx, finds it intact. */
	static void assertAuditChainVerifies(TwoPortals portals) {
		Page integrity = portals.signedIn("admin").get("/admin/audit/integrity.json");
		assertThat(integrity.status()).isEqualTo(200);
		assertThat(integrity.body()).as("the audit chain verifies").contains("\"intact\":true");
	}

	String summary() {
		StringBuilder text = new StringBuilder((this.killed ? "kill " : "shutdown ") + this.shutdownStarted + " .. " + this.shutdownEnded + "\n");
		this.answers.forEach((answer) -> text.append(answer).append('\n'));
		return text.toString();
	}

}
