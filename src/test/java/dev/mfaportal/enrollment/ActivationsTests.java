package dev.mfaportal.enrollment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.guard.TooManyAttemptsException;


import static dev.mfaportal.enrollment.EnrollmentFixture.ALICE;
import static dev.mfaportal.enrollment.EnrollmentFixture.BOB;
import static dev.mfaportal.enrollment.EnrollmentFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ActivationsTests {

	private final EnrollmentFixture fixture = new EnrollmentFixture();

	private final String token = this.fixture.enrollments.start(ALICE, "phone").token();

	private final String serial = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	@Test
	void activateWhenCodesConsecutiveAndCurrentThenEnabledAndAudited() {
		this.fixture.activations.activate(ALICE, this.token, this.fixture.code(-1), this.fixture.code(0), IP);
		assertThat(this.fixture.devices.changes()).endsWith("EnableMFADevice " + this.serial);
		assertThat(this.fixture.audit.last().action()).isEqualTo("enrollment.activated");
		assertThat(this.fixture.audit.last().mfaSerial()).isEqualTo(this.serial);
		assertThat(this.fixture.audit.actions()).containsSubsequence("enrollment.activation-requested SUCCESS",
				"enrollment.activated SUCCESS");
	}

	@Test
	void activateWhenAuditUnavailableThenNoAwsChange() {
		this.fixture.audit.unavailable = true;
		assertThatExceptionOfType(AuditUnavailableException.class).isThrownBy(() -> this.fixture.activations
			.activate(ALICE, this.token, this.fixture.code(-1), this.fixture.code(0), IP));
		assertThat(this.fixture.devices.changes()).doesNotContain("EnableMFADevice " + this.serial);
	}

	@Test
	void activateWhenPhoneNinetySecondsFastThenNamesOffsetWithoutAwsCall() {
		EnrollmentException refused = refused(this.fixture.code(2), this.fixture.code(3));
		assertThat(EnrollmentFixture.text(refused)).contains("your phone's clock is about 90 seconds fast");
		assertThat(refused.startAgain()).isFalse();
		assertNoEnable();
		assertThat(this.fixture.audit.last().detail()).containsEntry("reason", "clock-offset");
		assertThat(this.fixture.guard.wrongCodes).isZero();
	}

	@Test
	void activateWhenCodesNotConsecutiveThenSaysSoWithoutAwsCall() {
		EnrollmentException refused = refused(this.fixture.code(-2), this.fixture.code(0));
		assertThat(EnrollmentFixture.text(refused)).contains("not one after the other");
		assertNoEnable();
	}

	@Test
	void activateWhenSameCodeTwiceThenSaysSoWithoutAwsCall() {
		assertThat(EnrollmentFixture.text(refused(this.fixture.code(0), this.fixture.code(0))))
			.contains("same code twice");
		assertNoEnable();
	}

	@Test
	void activateWhenNotSixDigitsThenSaysSoWithoutAwsCall() {
		assertThat(EnrollmentFixture.text(refused("12345", "abcdef"))).contains("exactly six digits");
		assertNoEnable();
	}

	@Test
	void activateWhenCodesMatchNothingThenCountedAsWrongWithoutAwsCall() {
		refused("000000", "000001");
		assertThat(this.fixture.guard.wrongCodes).isEqualTo(1);
		assertNoEnable();
	}

	@Test
	void activateWhenGuardBlocksThenTooManyAttemptsEvenWithCorrectCodes() {
		this.fixture.guard.blocked = true;
		assertThatExceptionOfType(TooManyAttemptsException.class).isThrownBy(() -> this.fixture.activations
			.activate(ALICE, this.token, this.fixture.code(-1), this.fixture.code(0), IP));
		assertNoEnable();
		assertThat(this.fixture.audit.last().outcome()).isEqualTo(AuditOutcome.DENIED);
		assertThat(this.fixture.audit.last().detail()).containsEntry("reason", "too-many-attempts");
	}

	@Test
	void activateWhenSameCodesSubmittedAgainThenRefusedLocally() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.TRY_AGAIN_SHORTLY, "busy", "ConcurrentModification", "r", null);
		refused(this.fixture.code(-1), this.fixture.code(0));
		int calls = this.fixture.devices.changes().size();
		EnrollmentException again = refused(this.fixture.code(-1), this.fixture.code(0));
		assertThat(EnrollmentFixture.text(again)).contains("just been used");
		assertThat(this.fixture.devices.changes()).hasSize(calls);
	}

	@Test
	void activateWhenAwsRefusesCodesThenWaitForFreshCodesAndCountedAsWrong() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.WRONG_CODE, "bad", "InvalidAuthenticationCode", "req-9",
				null);
		EnrollmentException refused = refused(this.fixture.code(-1), this.fixture.code(0));
		assertThat(EnrollmentFixture.text(refused)).contains("Wait for two fresh codes");
		assertThat(refused.awsRequestId()).isEqualTo("req-9");
		assertThat(this.fixture.guard.wrongCodes).isEqualTo(1);
		assertThat(this.fixture.audit.last().awsRequestId()).isEqualTo("req-9");
	}

	@Test
	void activateWhenAwsBusyThenTryAgainInAMoment() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.TRY_AGAIN_SHORTLY, "busy", "EntityTemporarilyUnmodifiable",
				"r", null);
		assertThat(EnrollmentFixture.text(refused(this.fixture.code(-1), this.fixture.code(0))))
			.contains("Wait a few seconds");
	}

	@Test
	void activateWhenAwsUnavailableThenSaysNothingChanged() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.UNAVAILABLE, "throttled", "Throttling", "r", null);
		assertThat(EnrollmentFixture.text(refused(this.fixture.code(-1), this.fixture.code(0))))
			.contains("AWS is not answering");
	}

	@Test
	void activateWhenAwsReportsALimitThenSaysWhichLimit() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.LIMIT_EXCEEDED, "limit", "LimitExceeded", "r", null);
		assertThat(EnrollmentFixture.text(refused(this.fixture.code(-1), this.fixture.code(0))))
			.contains("If you have 8 MFA devices, remove one first");
	}

	@Test
	void activateWhenDeviceGoneThenStartAgain() {
		this.fixture.devices.failNextChange = new AwsCallException(Kind.NOT_FOUND, "gone", "NoSuchEntity", "r", null);
		EnrollmentException refused = refused(this.fixture.code(-1), this.fixture.code(0));
		assertThat(refused.startAgain()).isTrue();
		assertThat(EnrollmentFixture.text(refused)).contains("expired").contains("start again");
	}

	@Test
	void activateWhenTokenExpiredThenStartAgainWithoutAwsCall() {
		this.fixture.now = this.fixture.now.plusSeconds(601);
		EnrollmentException refused = refused(this.fixture.code(-1), this.fixture.code(0));
		assertThat(refused.startAgain()).isTrue();
		assertNoEnable();
	}

	@Test
	void activateWhenAnotherEmployeesTokenThenForbiddenAndAuditedWithoutAwsCall() {
		assertThatExceptionOfType(NotYourDeviceException.class).isThrownBy(() -> this.fixture.activations
			.activate(BOB, this.token, this.fixture.code(-1), this.fixture.code(0), IP));
		assertNoEnable();
		assertThat(this.fixture.audit.last().action()).isEqualTo("access.denied");
		assertThat(this.fixture.audit.last().portalUser()).isEqualTo("bob");
	}

	@Test
	void activateWhenAnotherEnrollmentWasActivatedMeanwhileThenRefusedAndDeviceDeleted() {
		this.fixture.devices.assigned.add(new MfaDevice("arn:aws:iam::123456789012:mfa/mfa-portal/alice-other",
				"alice", Instant.parse("2026-11-28T11:00:00Z")));
		EnrollmentException refused = refused(this.fixture.code(-1), this.fixture.code(0));
		assertThat(refused.startAgain()).isTrue();
		assertThat(EnrollmentFixture.text(refused)).contains("activated first");
		assertThat(this.fixture.devices.changes()).containsSubsequence("DeleteVirtualMFADevice " + this.serial)
			.doesNotContain("EnableMFADevice " + this.serial);
	}

	@Test
	void activateWhenAnEarlierTimedOutAttemptEnabledTheDeviceThenDoneWithoutAnotherCall() {
		this.fixture.devices.assigned.add(new MfaDevice(this.serial, "alice", Instant.parse("2026-11-28T12:00:05Z")));
		this.fixture.activations.activate(ALICE, this.token, this.fixture.code(-1), this.fixture.code(0), IP);
		assertThat(this.fixture.devices.changes()).noneMatch((call) -> call.contains(this.serial));
	}

	private EnrollmentException refused(String code1, String code2) {
		EnrollmentException[] thrown = new EnrollmentException[1];
		assertThatExceptionOfType(EnrollmentException.class)
			.isThrownBy(() -> this.fixture.activations.activate(ALICE, this.token, code1, code2, IP))
			.satisfies((ex) -> thrown[0] = ex);
		return thrown[0];
	}

	private void assertNoEnable() {
		assertThat(this.fixture.devices.changes()).noneMatch((call) -> call.startsWith("EnableMFADevice"));
	}

}
