package dev.mfaportal.kernel;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class ServerKeysTests {

	private static final String PROPERTY = "portal.enrollment.sealing-key";

	@Test
	void loadWhenBase64Of32BytesThenThoseBytes() {
		byte[] key = new byte[32];
		key[0] = 7;
		assertThat(ServerKeys.load(PROPERTY, " " + Base64.getEncoder().encodeToString(key) + "\n")).isEqualTo(key);
	}

	@Test
	void loadWhenNotBase64ThenStartupFailsNamingThePropertyButNotTheValue() {
		assertThatIllegalStateException().isThrownBy(() -> ServerKeys.load(PROPERTY, "not base64!"))
			.withMessageContaining(PROPERTY)
			.withMessageNotContaining("not base64!");
	}

	@Test
	void loadWhenShorterThan32BytesThenStartupFailsNamingThePropertyAndTheLength() {
		String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException().isThrownBy(() -> ServerKeys.load("portal.guard.code-key", sixteen))
			.withMessageContaining("portal.guard.code-key")
			.withMessageContaining("32 bytes")
			.withMessageNotContaining(sixteen);
	}

	@Test
	void loadWhenLongerThan32BytesThenStartupFails() {
		String longer = Base64.getEncoder().encodeToString(new byte[48]);
		assertThatIllegalStateException().isThrownBy(() -> ServerKeys.load(PROPERTY, longer))
			.withMessageContaining("32 bytes");
	}

	@Test
	void loadWhenUnsetThenRandomKeyEachTimeAndOneWarningAboutSeveralInstances(CapturedOutput output) {
		byte[] first = ServerKeys.load(PROPERTY, "");
		byte[] second = ServerKeys.load("portal.credentials.sealing-key", null);
		assertThat(first).hasSize(32).isNotEqualTo(second);
		assertThat(output.getAll().split(PROPERTY + " is not set", -1)).hasSize(2);
		assertThat(output).contains("portal.credentials.sealing-key is not set").contains("every instance");
	}

}
