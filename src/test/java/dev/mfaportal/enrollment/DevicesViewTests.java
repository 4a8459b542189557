package dev.mfaportal.enrollment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.ui.ExtendedModelMap;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;

import static dev.mfaportal.enrollment.EnrollmentFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

class DevicesViewTests {

	private static final String ALICES = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	private final EnrollmentFixture fixture = new EnrollmentFixture();

	private final ExtendedModelMap model = new ExtendedModelMap();

	@Test
	void renderWhenAtTheConfiguredLimitThenSaysSo() {
		this.fixture.devices.assigned.add(new MfaDevice(ALICES, "alice", Instant.EPOCH));
		new DevicesView(new EmployeeDevices(this.fixture.devices, this.fixture.audit, EnrollmentFixture.properties(1)))
			.render(ALICE, null, this.model);
		assertThat(this.model.getAttribute("maxDevices")).isEqualTo(1);
		assertThat(this.model.getAttribute("atLimit")).isEqualTo(true);
	}

	@Test
	void renderWhenTheEnrolledSerialIsNotTheirsThenNoSuccessMessage() {
		this.fixture.devices.assigned.add(new MfaDevice(ALICES, "alice", Instant.EPOCH));
		DevicesView view = new DevicesView(this.fixture.employeeDevices);
		view.render(ALICE, "arn:aws:iam::123456789012:mfa/mfa-portal/bob-phone", this.model);
		assertThat(this.model.getAttribute("enrolledSerial")).isNull();
		view.render(ALICE, ALICES, this.model);
		assertThat(this.model.getAttribute("enrolledSerial")).isEqualTo(ALICES);
	}

	@Test
	void renderWhenAwsRefusesTheListThenThePageStillRendersAndSaysWhy() {
		EmployeeDevicesTests.FailingList failing = new EmployeeDevicesTests.FailingList(
				new AwsCallException(Kind.ACCESS_DENIED, "not authorized", "AccessDenied", "req-7", null));
		String view = new DevicesView(new EmployeeDevices(failing, this.fixture.audit, EnrollmentFixture.properties(8)))
			.render(ALICE, null, this.model);
		assertThat(view).isEqualTo(DevicesView.NAME);
		assertThat(this.model.getAttribute("listProblem")).isEqualTo(new AwsProblem(Kind.ACCESS_DENIED, "AccessDenied", "req-7"));
	}

}
