package dev.mfaportal.enrollment;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AbandonedDeviceSweeperTests {

	private final EnrollmentFixture fixture = new EnrollmentFixture();

	private final AbandonedDeviceSweeper sweeper = new AbandonedDeviceSweeper(this.fixture.devices,
			this.fixture.audit, this.fixture.locks, Duration.ofMinutes(10), this.fixture.clock);

	@Test
	void sweepWhenPortalDeviceOlderThanTokenLifetimeThenDeletedAndAudited() {
		String old = unassigned("mfa-portal/alice-old", "2026-11-28T11:49:00Z");
		assertThat(this.sweeper.sweep()).isEqualTo(1);
		assertThat(this.fixture.devices.unassigned).doesNotContainKey(old);
		assertThat(this.fixture.audit.last().action()).isEqualTo("enrollment.swept");
		assertThat(this.fixture.audit.last().portalUser()).isEqualTo("alice");
	}

	@Test
	void sweepWhenAwsRefusesTheDeleteThenTheAttemptIsFollowedByAFailureNotASweptRow() {
		unassigned("mfa-portal/alice-old", "2026-11-28T11:49:00Z");
		this.fixture.devices.failDelete = new AwsCallException(Kind.UNAVAILABLE, "down", null, null, null);
		assertThatExceptionOfType(AwsCallException.class).isThrownBy(this.sweeper::sweep);
		assertThat(this.fixture.audit.actions()).containsExactly("enrollment.sweep-requested ATTEMPTED",
				"enrollment.sweep-failed FAILURE");
	}

	@Test
	void sweepWhenPortalDeviceStillActivatableThenKept() {
		String fresh = unassigned("mfa-portal/alice-new", "2026-11-28T11:55:00Z");
		assertThat(this.sweeper.sweep()).isZero();
		assertThat(this.fixture.devices.unassigned).containsKey(fresh);
	}

	@Test
	void sweepWhenDeviceOutsidePortalPathThenKeptWhateverItsAge() {
		String foreign = unassigned("alice-console", "2020-01-01T00:00:00Z");
		String otherPath = unassigned("other-tool/alice", "2020-01-01T00:00:00Z");
		assertThat(this.sweeper.sweep()).isZero();
		assertThat(this.fixture.devices.unassigned).containsKeys(foreign, otherPath);
		assertThat(this.fixture.devices.changes()).isEmpty();
	}

	@Test
	void sweepWhenPortalDeviceWithoutCreationTagThenKept() {
		String serial = "arn:aws:iam::123456789012:mfa/mfa-portal/untagged";
		this.fixture.devices.unassigned.put(serial, Map.of());
		assertThat(this.sweeper.sweep()).isZero();
		assertThat(this.fixture.devices.unassigned).containsKey(serial);
	}

	@Test
	void sweepWhenAuditUnavailableThenNothingDeleted() {
		unassigned("mfa-portal/alice-old", "2026-11-28T11:00:00Z");
		this.fixture.audit.unavailable = true;
		this.sweeper.sweepOnSchedule();
		assertThat(this.fixture.devices.unassigned).hasSize(1);
	}

	private String unassigned(String pathAndName, String createdAt) {
		String serial = "arn:aws:iam::123456789012:mfa/" + pathAndName;
		this.fixture.devices.unassigned.put(serial, Map.of("created-by", "mfa-portal", "portal-user", "alice",
				"created-at", createdAt));
		return serial;
	}

}
