package dev.mfaportal.enrollment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;


import static dev.mfaportal.enrollment.EnrollmentFixture.ALICE;
import static dev.mfaportal.enrollment.EnrollmentFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnrollmentsTests {

	private final EnrollmentFixture fixture = new EnrollmentFixture();

	@Test
	void startWhenNoLabelThenNamedByCreationTimeUnderPortalPathAndTagged() {
		Enrollments.StartedEnrollment started = this.fixture.enrollments.start(ALICE, "");
		String serial = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-20261128-120010";
		assertThat(started.pending().serialNumber()).isEqualTo(serial);
		assertThat(this.fixture.devices.unassigned.get(serial)).containsEntry("created-by", "mfa-portal")
			.containsEntry("portal-user", "alice")
			.containsEntry("created-at", "2026-11-28T12:00:10Z");
		assertThat(this.fixture.audit.actions()).containsExactly("enrollment.started SUCCESS");
		assertThat(this.fixture.audit.last().mfaSerial()).isEqualTo(serial);
	}

	@Test
	void startWhenEightDevicesThenRefusedWithoutCreating() {
		for (int i = 0; i < 8; i++) {
			this.fixture.devices.assigned
				.add(new MfaDevice("arn:aws:iam::123456789012:mfa/d" + i, "alice", Instant.EPOCH));
		}
		EnrollmentException refused = refused(() -> this.fixture.enrollments.start(ALICE, "phone"));
		assertThat(EnrollmentFixture.text(refused)).contains("Remove one you no longer use");
		assertThat(this.fixture.devices.changes()).isEmpty();
		assertThat(this.fixture.audit.last().detail()).containsEntry("reason", "limit-reached");
	}

	@Test
	void startWhenLabelHasForbiddenCharactersThenRefusedWithoutCreating() {
		EnrollmentException refused = refused(() -> this.fixture.enrollments.start(ALICE, "my phone!"));
		assertThat(EnrollmentFixture.text(refused)).contains("may only contain");
		assertThat(this.fixture.devices.calls).isEmpty();
	}

	@Test
	void startWhenAuditUnavailableThenNoDeviceCreated() {
		this.fixture.audit.unavailable = true;
		assertThatExceptionOfType(AuditUnavailableException.class)
			.isThrownBy(() -> this.fixture.enrollments.start(ALICE, "phone"));
		assertThat(this.fixture.devices.changes()).isEmpty();
	}

	@Test
	void startWhenNameTakenThenSaysChooseAnotherLabel() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.ALREADY_EXISTS, "exists", "EntityAlreadyExists", "r",
				null);
		EnrollmentException refused = refused(() -> this.fixture.enrollments.start(ALICE, "phone"));
		assertThat(EnrollmentFixture.text(refused)).contains("Choose another label");
		assertThat(this.fixture.audit.actions()).containsExactly("enrollment.started SUCCESS",
				"enrollment.start-failed FAILURE");
	}

	@Test
	void cancelWhenOwnTokenThenDeviceDeleted() {
		String token = this.fixture.enrollments.start(ALICE, "phone").token();
		this.fixture.enrollments.cancel(ALICE, token);
		assertThat(this.fixture.devices.unassigned).isEmpty();
		assertThat(this.fixture.audit.last().action()).isEqualTo("enrollment.cancelled");
	}

	@Test
	void cancelWhenTokenExpiredThenDeviceStillDeleted() {
		String token = this.fixture.enrollments.start(ALICE, "phone").token();
		this.fixture.now = this.fixture.now.plusSeconds(3600);
		this.fixture.enrollments.cancel(ALICE, token);
		assertThat(this.fixture.devices.unassigned).isEmpty();
	}

	@Test
	void cancelWhenAnotherEmployeesTokenThenForbiddenAndNothingDeleted() {
		String token = this.fixture.enrollments.start(ALICE, "phone").token();
		assertThatExceptionOfType(NotYourDeviceException.class)
			.isThrownBy(() -> this.fixture.enrollments.cancel(BOB, token));
		assertThat(this.fixture.devices.unassigned).hasSize(1);
	}

	@Test
	void cancelWhenTokenAlteredThenNothingDeleted() {
		String token = this.fixture.enrollments.start(ALICE, "phone").token();
		String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		refused(() -> this.fixture.enrollments.cancel(ALICE, altered));
		assertThat(this.fixture.devices.unassigned).hasSize(1);
	}

	private static EnrollmentException refused(Runnable action) {
		EnrollmentException[] thrown = new EnrollmentException[1];
		assertThatExceptionOfType(EnrollmentException.class).isThrownBy(action::run)
			.satisfies((ex) -> thrown[0] = ex);
		return thrown[0];
	}

}
