package dev.mfaportal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.sandbox.SandboxAccount;

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
 */
record BurstResult(List<Answer> answers, Instant shutdownStarted, Instant shutdownEnded) {

	/**
	 * One answer to a state-changing request: the scan page of a started enrollment ({@code start}, the
	 * serial), a cancel ({@code cancel}, the serial), an issuance ({@code issue}, the session key id) or the
	 * resync in flight at the shutdown ({@code resync}, the serial).
	 */
	record Answer(String kind, String user, int status, String subject, String token, String servedBy, Instant at) {

		/** Whether the portal answered that it did it: the scan page or the credentials (200), a redirect (302). */
		boolean done() {
			int done = (this.kind.equals("start") || this.kind.equals("issue")) ? 200 : 302;
			return this.subject != null && this.status == done;
		}

	}

	/**
	 * The burst really was spread over both instances and went on, served by the first, after the second had
	 * stopped; the resync that was inside the second instance when its shutdown began was answered. No request
	 * got an error, except that nginx may answer 502 for a request it had just handed to the stopping instance
	 * when that instance closed its socket without accepting it: such a request never reached the portal.
	 */
	void assertReachedBothInstancesAndOutlivedTheShutdown(TwoPortals portals) {
		String summary = summary();
		assertThat(this.answers).as(summary)
			.anyMatch((answer) -> answer.kind().equals("start") && portals.secondAddress().equals(answer.servedBy()))
			.allMatch((answer) -> answer.done() || answer.status() == 502 && answer.servedBy() != null
					&& answer.servedBy().startsWith(portals.secondAddress()));
		assertThat(this.answers).as(summary)
			.filteredOn((answer) -> !answer.kind().equals("resync") && answer.at().isAfter(this.shutdownEnded))
			.isNotEmpty()
			.allSatisfy((answer) -> assertThat(answer.servedBy()).endsWith(portals.firstAddress()));
		assertThat(this.answers).as(summary)
			.filteredOn((answer) -> answer.kind().equals("resync"))
			.singleElement()
			.satisfies((resync) -> assertThat(resync.done()).isTrue())
			.satisfies((resync) -> assertThat(resync.at()).isAfter(this.shutdownStarted));
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
		await().atMost(Duration.parse("PT" + TwoPortals.TOKEN_LIFETIME).plusSeconds(15))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(sandbox.devices().unassigned()).as(summary())
				.noneMatch((device) -> device.serialNumber().contains(":mfa/mfa-portal/")));
	}

	String summary() {
		StringBuilder text = new StringBuilder("shutdown " + this.shutdownStarted + " .. " + this.shutdownEnded + "\n");
		this.answers.forEach((answer) -> text.append(answer).append('\n'));
		return text.toString();
	}

}
