package dev.mfaportal.enrollment;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.identity.RecentSignIn;

import static dev.mfaportal.enrollment.EnrollmentFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class DeviceControllerTests {

	private static final String ALICES = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	private static final String CONFIRMATION = "/mfa/devices/remove?serial=arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	private final EnrollmentFixture fixture = new EnrollmentFixture();

	private final RecentSignIn recentSignIn = mock(RecentSignIn.class);

	private final DeviceController controller = new DeviceController(this.fixture.deviceActions, this.recentSignIn,
			messages(), new EmployeeKeyStepUp(), this.fixture.employeeDevices);

	@BeforeEach
	void alicesDevice() {
		this.fixture.devices.assigned.add(new MfaDevice(ALICES, "alice", Instant.EPOCH));
		this.fixture.devices.unassigned.put(ALICES, Map.of());
		given(this.recentSignIn.reauthenticationUrl(CONFIRMATION)).willReturn("/reauthenticate?continue=confirmation");
	}

	@Test
	void removeWhenSignInNotRecentThenReauthenticateFirstBackToTheConfirmationAndNoAwsCall() {
		given(this.recentSignIn.isRecent()).willReturn(false);
		String view = this.controller.remove(ALICE, ALICES, null, "123456", null, null, new MockHttpServletRequest(),
				new ExtendedModelMap(), new RedirectAttributesModelMap(), Locale.ENGLISH);
		assertThat(view).isEqualTo("redirect:/reauthenticate?continue=confirmation");
		assertThat(this.fixture.devices.calls).isEmpty();
		assertThat(this.fixture.audit.events).isEmpty();
	}

	@Test
	void confirmationAddressWhenTheSerialHasAPlusThenTheServletReadsTheSameSerial() {
		// IAM allows "+" in a device's path and name; a servlet reads a raw "+" in a query as a space.
		String serial = "arn:aws:iam::123456789012:mfa/team+ops/alice+phone";
		String query = DeviceController.confirmationPath(serial).substring("/mfa/devices/remove?serial=".length());
		assertThat(URLDecoder.decode(query, StandardCharsets.UTF_8)).isEqualTo(serial);
	}

	@Test
	void confirmRemovalWhenSignInRecentThenNamesTheDeviceAndChangesNothing() {
		given(this.recentSignIn.isRecent()).willReturn(true);
		ExtendedModelMap model = new ExtendedModelMap();
		String view = this.controller.confirmRemoval(ALICE, ALICES, model, new RedirectAttributesModelMap(),
				Locale.ENGLISH);
		assertThat(view).isEqualTo("enrollment/remove");
		assertThat(model.getAttribute("serial")).isEqualTo(ALICES);
		assertThat(this.fixture.devices.changes()).isEmpty();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

}
