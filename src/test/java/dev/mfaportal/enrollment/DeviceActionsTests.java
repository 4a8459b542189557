package dev.mfaportal.enrollment;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.guard.TooManyAttemptsException;


import static dev.mfaportal.enrollment.EnrollmentFixture.ALICE;
import static dev.mfaportal.enrollment.EnrollmentFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeviceActionsTests {

	private static final String ALICES = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	private static final String BOBS = "arn:aws:iam::123456789012:mfa/mfa-portal/bob-phone";

	private final EnrollmentFixture fixture = new EnrollmentFixture();

	@BeforeEach
	void devices() {
		this.fixture.devices.assigned.add(new MfaDevice(ALICES, "alice", Instant.EPOCH));
		this.fixture.devices.assigned.add(new MfaDevice(BOBS, "bob", Instant.EPOCH));
	}

	@Test
	void resyncWhenOwnDeviceThenResyncedAfterAuditing() {
		this.fixture.deviceActions.resync(ALICE, ALICES, "123456", "654321", IP);
		assertThat(this.fixture.devices.changes()).containsExactly("ResyncMFADevice " + ALICES);
		assertThat(this.fixture.audit.actions()).containsExactly("enrollment.resync-requested SUCCESS",
				"enrollment.resynced SUCCESS");
	}

	@Test
	void resyncWhenAnotherEmployeesDeviceThenForbiddenAuditedAndNoAwsChange() {
		assertThatExceptionOfType(NotYourDeviceException.class)
			.isThrownBy(() -> this.fixture.deviceActions.resync(ALICE, BOBS, "123456", "654321", IP));
		assertThat(this.fixture.devices.changes()).isEmpty();
		assertThat(this.fixture.audit.last().action()).isEqualTo("access.denied");
		assertThat(this.fixture.audit.last().outcome()).isEqualTo(AuditOutcome.DENIED);
		assertThat(this.fixture.audit.last().mfaSerial()).isEqualTo(BOBS);
	}

	@Test
	void resyncWhenGuardBlocksThenTooManyAttemptsAndNoAwsChange() {
		this.fixture.guard.blocked = true;
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.fixture.deviceActions.resync(ALICE, ALICES, "123456", "654321", IP));
		assertThat(this.fixture.devices.changes()).isEmpty();
	}

	@Test
	void resyncWhenSameCodeTwiceThenRefusedWithoutAwsCall() {
		assertThatExceptionOfType(EnrollmentException.class)
			.isThrownBy(() -> this.fixture.deviceActions.resync(ALICE, ALICES, "123456", "123456", IP));
		assertThat(this.fixture.devices.changes()).isEmpty();
	}

	@Test
	void removeWhenOwnDeviceThenDeactivatedThenDeleted() {
		this.fixture.devices.unassigned.put(ALICES, java.util.Map.of());
		this.fixture.deviceActions.remove(ALICE, ALICES);
		assertThat(this.fixture.devices.changes()).containsExactly("DeactivateMFADevice " + ALICES,
				"DeleteVirtualMFADevice " + ALICES);
		assertThat(this.fixture.audit.actions()).containsExactly("enrollment.remove-requested SUCCESS",
				"enrollment.removed SUCCESS");
	}

	@Test
	void removeWhenDeactivatedButNotDeletedThenRemovedForTheEmployeeAndTheDeleteStepAudited() {
		this.fixture.devices.unassigned.put(ALICES, java.util.Map.of());
		this.fixture.devices.failDelete = new AwsCallException(Kind.ACCESS_DENIED, "not allowed", "AccessDenied",
				"req-4", null);
		this.fixture.deviceActions.remove(ALICE, ALICES);
		assertThat(this.fixture.audit.actions()).containsExactly("enrollment.remove-requested SUCCESS",
				"enrollment.remove-failed FAILURE");
		assertThat(this.fixture.audit.last().detail()).containsEntry("step", "delete")
			.containsEntry("reason", "access-denied");
		assertThat(this.fixture.audit.last().awsRequestId()).isEqualTo("req-4");
	}

	@Test
	void removeWhenAnotherEmployeesDeviceThenForbiddenAuditedAndNoAwsChange() {
		assertThatExceptionOfType(NotYourDeviceException.class)
			.isThrownBy(() -> this.fixture.deviceActions.remove(ALICE, BOBS));
		assertThat(this.fixture.devices.changes()).isEmpty();
		assertThat(this.fixture.audit.last().action()).isEqualTo("access.denied");
	}

	@Test
	void removeWhenDeactivateFailsThenNotDeletedAndSaysWhy() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.IN_USE, "in use", "DeleteConflict", "r", null);
		assertThatExceptionOfType(EnrollmentException.class)
			.isThrownBy(() -> this.fixture.deviceActions.remove(ALICE, ALICES));
		assertThat(this.fixture.devices.changes()).containsExactly("DeactivateMFADevice " + ALICES);
		assertThat(this.fixture.audit.last().action()).isEqualTo("enrollment.remove-failed");
	}

}
