package dev.mfaportal.enrollment;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class EnrollmentConfigurationTests {

	@Test
	void sealingKeyWhenConfiguredThenThatKey() {
		byte[] key = new byte[32];
		key[0] = 7;
		assertThat(EnrollmentConfiguration.sealingKey(Base64.getEncoder().encodeToString(key)).getEncoded())
			.isEqualTo(key);
	}

	@Test
	void sealingKeyWhenNot256BitsThenStartupFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> EnrollmentConfiguration.sealingKey(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("32 bytes");
	}

	@Test
	void sealingKeyWhenNotBase64ThenStartupFailsNamingTheProperty() {
		assertThatIllegalStateException().isThrownBy(() -> EnrollmentConfiguration.sealingKey("not base64!"))
			.withMessageContaining("portal.enrollment.sealing-key");
	}

	@Test
	void sealingKeyWhenUnsetThenRandomKeyAndAWarningAboutSeveralInstances(CapturedOutput output) {
		byte[] first = EnrollmentConfiguration.sealingKey("").getEncoded();
		byte[] second = EnrollmentConfiguration.sealingKey(null).getEncoded();
		assertThat(first).hasSize(32).isNotEqualTo(second);
		assertThat(output).contains("portal.enrollment.sealing-key is not set").contains("every instance");
	}

}
