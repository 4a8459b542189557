package dev.mfaportal.enrollment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The label an employee typed, read back from the name the portal gave the device: what every page shows first.
 */
class DeviceNamesTests {

	private static final String PORTAL = "arn:aws:iam::123456789012:mfa/mfa-portal/";

	@Test
	void labelWhenNamedByTheDefaultTemplateThenTheTypedLabel() {
		DeviceNames names = new DeviceNames("{iam-user}-{label}");
		assertThat(names.labelOf("alice", PORTAL + "alice-work-phone")).isEqualTo("work-phone");
	}

	@Test
	void labelWhenTheTemplateNamesThePortalUserToo() {
		DeviceNames names = new DeviceNames("mfa.{portal-user}.{iam-user}.{label}");
		assertThat(names.labelOf("alice", PORTAL + "mfa.alice.s.alice.tablet")).isEqualTo("tablet");
	}

	@Test
	void labelWhenTheDeviceWasMadeOutsideThePortalThenItsWholeName() {
		DeviceNames names = new DeviceNames("{iam-user}-{label}");
		assertThat(names.labelOf("alice", "arn:aws:iam::123456789012:mfa/alice-yubikey")).isEqualTo("alice-yubikey");
	}

	@Test
	void labelWhenTheNameDoesNotFitTheTemplateThenItsWholeName() {
		DeviceNames names = new DeviceNames("{iam-user}-{label}");
		assertThat(names.labelOf("alice", PORTAL + "bob-phone")).isEqualTo("bob-phone");
	}

	@Test
	void labelWhenTheTemplateHasNoLabelThenTheWholeName() {
		DeviceNames names = new DeviceNames("{iam-user}");
		assertThat(names.labelOf("alice", PORTAL + "alice")).isEqualTo("alice");
	}

}
