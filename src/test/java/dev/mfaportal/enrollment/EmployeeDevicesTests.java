package dev.mfaportal.enrollment;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.enrollment.Removal.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The device rules other modules use: the limit, the list that degrades, ownership and removal.
 */
class EmployeeDevicesTests {

	private static final String ALICES = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	private static final String BOBS = "arn:aws:iam::123456789012:mfa/mfa-portal/bob-phone";

	private final EnrollmentFixture fixture = new EnrollmentFixture();

	private final FakeMfaDevices aws = this.fixture.devices;

	private final EmployeeDevices devices = new EmployeeDevices(this.aws, this.fixture.audit,
			EnrollmentFixture.properties(3));

	private final RemovalAudit rows = new RemovalAudit(row("test.started", AuditOutcome.SUCCESS),
			row("test.removed", AuditOutcome.SUCCESS), (step, problem) -> row("test.failed", AuditOutcome.FAILURE)
				.detail("step", step)
				.awsRequestId(problem.requestId()));

	@BeforeEach
	void devices() {
		this.aws.assigned.add(new MfaDevice(ALICES, "alice", Instant.parse("2026-11-02T08:15:00Z")));
		this.aws.assigned.add(new MfaDevice(BOBS, "bob", Instant.EPOCH));
		this.aws.unassigned.put(ALICES, Map.of());
	}

	@Test
	void limitWhenConfiguredThenThatNumber() {
		assertThat(this.devices.limit()).isEqualTo(3);
		assertThat(this.devices.list("alice").limit()).isEqualTo(3);
	}

	@Test
	void listWhenAwsAnswersThenOnlyTheUsersDevicesWithTheirNames() {
		DeviceList list = this.devices.list("alice");
		assertThat(list.listed()).isTrue();
		assertThat(list.devices()).containsExactly(new Device(ALICES, Instant.parse("2026-11-02T08:15:00Z"), "phone"));
		assertThat(list.devices().get(0).name()).isEqualTo("alice-phone");
		assertThat(list.contains(ALICES)).isTrue();
		assertThat(list.contains(BOBS)).isFalse();
		assertThat(list.atLimit()).isFalse();
	}

	@Test
	void listWhenUserHasTheLimitThenAtLimit() {
		this.aws.assigned.add(new MfaDevice(ALICES + "2", "alice", Instant.EPOCH));
		this.aws.assigned.add(new MfaDevice(ALICES + "3", "alice", Instant.EPOCH));
		assertThat(this.devices.list("alice").atLimit()).isTrue();
	}

	@Test
	void listWhenAwsFailsThenNoDevicesAndWhyWithoutThrowing() {
		FailingList failing = new FailingList(new AwsCallException(Kind.UNAVAILABLE, "throttled", "Throttling", "req-1", null));
		DeviceList list = new EmployeeDevices(failing, this.fixture.audit, EnrollmentFixture.properties(3)).list("alice");
		assertThat(list.listed()).isFalse();
		assertThat(list.devices()).isEmpty();
		assertThat(list.problem()).isEqualTo(new AwsProblem(Kind.UNAVAILABLE, "Throttling", "req-1"));
		assertThat(list.problem().unavailable()).isTrue();
	}

	@Test
	void isTheirsWhenAnotherUsersSerialOrNoneThenFalse() {
		assertThat(this.devices.isTheirs("alice", ALICES)).isTrue();
		assertThat(this.devices.isTheirs("alice", BOBS)).isFalse();
		assertThat(this.devices.isTheirs("alice", null)).isFalse();
	}

	@Test
	void isTheirsWhenAwsFailsThenThrowsRatherThanGuess() {
		FailingList failing = new FailingList(new AwsCallException(Kind.ACCESS_DENIED, "no", "AccessDenied", "r", null));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> new EmployeeDevices(failing, this.fixture.audit, EnrollmentFixture.properties(3))
				.isTheirs("alice", ALICES));
	}

	@Test
	void removeWhenTheirsThenStartedRecordedBeforeDeactivateThenDeleteThenRemoved() {
		Removal removal = this.devices.remove("alice", ALICES, this.rows);
		assertThat(removal).isEqualTo(new Removal(Outcome.REMOVED, null));
		assertThat(this.aws.changes()).containsExactly("DeactivateMFADevice " + ALICES, "DeleteVirtualMFADevice " + ALICES);
		assertThat(this.fixture.audit.actions()).containsExactly("test.started SUCCESS", "test.removed SUCCESS");
	}

	@Test
	void removeWhenTheStartCannotBeRecordedThenNothingChanges() {
		this.fixture.audit.unavailable = true;
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.devices.remove("alice", ALICES, this.rows));
		assertThat(this.aws.changes()).isEmpty();
	}

	@Test
	void removeWhenNotTheirsThenNothingRecordedOrChanged() {
		assertThat(this.devices.remove("alice", BOBS, this.rows).outcome()).isEqualTo(Outcome.NOT_THEIRS);
		assertThat(this.aws.changes()).isEmpty();
		assertThat(this.fixture.audit.events).isEmpty();
	}

	@Test
	void removeWhenDeactivateFailsThenNotDeletedAndTheFailedStepRecorded() {
		this.aws.failNextChange = new AwsCallException(Kind.IN_USE, "in use", "DeleteConflict", "req-2", null);
		Removal removal = this.devices.remove("alice", ALICES, this.rows);
		assertThat(removal.outcome()).isEqualTo(Outcome.NOT_REMOVED);
		assertThat(removal.problem()).isEqualTo(new AwsProblem(Kind.IN_USE, "DeleteConflict", "req-2"));
		assertThat(this.aws.changes()).containsExactly("DeactivateMFADevice " + ALICES);
		assertThat(this.fixture.audit.actions()).containsExactly("test.started SUCCESS", "test.failed FAILURE");
		assertThat(this.fixture.audit.last().detail()).containsEntry("step", "deactivate");
		assertThat(this.fixture.audit.last().awsRequestId()).isEqualTo("req-2");
	}

	@Test
	void removeWhenDeactivatedButNotDeletedThenSaysSoAndRecordsTheDeleteStep() {
		this.aws.failDelete = new AwsCallException(Kind.ACCESS_DENIED, "not allowed", "AccessDenied", "req-3", null);
		Removal removal = this.devices.remove("alice", ALICES, this.rows);
		assertThat(removal.outcome()).isEqualTo(Outcome.DEACTIVATED_NOT_DELETED);
		assertThat(removal.problem().requestId()).isEqualTo("req-3");
		assertThat(this.fixture.audit.actions()).containsExactly("test.started SUCCESS", "test.failed FAILURE");
		assertThat(this.fixture.audit.last().detail()).containsEntry("step", "delete");
	}

	@Test
	void removeWhenDeletedMeanwhileThenRemovedAllTheSame() {
		this.aws.unassigned.clear();
		assertThat(this.devices.remove("alice", ALICES, this.rows).outcome()).isEqualTo(Outcome.REMOVED);
		assertThat(this.fixture.audit.last().action()).isEqualTo("test.removed");
	}

	@Test
	void removeWhenAwsCannotListThenNothingTriedAndNoRequestIdInvented() {
		FailingList failing = new FailingList(new AwsCallException(Kind.UNAVAILABLE, "dropped", null, null, null));
		Removal removal = new EmployeeDevices(failing, this.fixture.audit, EnrollmentFixture.properties(3))
			.remove("alice", ALICES, this.rows);
		assertThat(removal.outcome()).isEqualTo(Outcome.NOT_CHECKED);
		assertThat(removal.problem().requestId()).isNull();
		assertThat(removal.problem().errorCode()).isNull();
		assertThat(failing.changes()).isEmpty();
		assertThat(this.fixture.audit.events).isEmpty();
	}

	private static AuditEvent row(String action, AuditOutcome outcome) {
		return AuditEvent.of(action, outcome).portalUser("admin").iamUser("alice").mfaSerial(ALICES);
	}

	/** AWS that cannot list any user's devices. */
	static class FailingList extends FakeMfaDevices {

		private final AwsCallException failure;

		FailingList(AwsCallException failure) {
			this.failure = failure;
		}

		@Override
		public java.util.List<MfaDevice> listAssigned(String iamUserName) {
			throw this.failure;
		}

	}

}
