package dev.mfaportal.enrollment;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.mfaportal.QrReader;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTests {

	@Test
	void otpauthUriWhenIssuerHasSpacesThenLabelAndIssuerPercentEncoded() {
		assertThat(QrCodes.otpauthUri("MFA Portal", "alice", "mfa-portal-sandbox", "ABCDEF"))
			.isEqualTo("otpauth://totp/MFA%20Portal:alice%40mfa-portal-sandbox?secret=ABCDEF&issuer=MFA%20Portal");
	}

	@Test
	void pngDataUriWhenDecodedWithZxingThenSameText() throws Exception {
		String uri = "otpauth://totp/MFA%20Portal:alice%40123456789012?secret=ABCDEFGH&issuer=MFA%20Portal";
		String dataUri = QrCodes.pngDataUri(uri);
		assertThat(dataUri).startsWith("data:image/png;base64,");
		byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
		assertThat(QrReader.decode(png)).isEqualTo(uri);
	}

	@Test
	void inGroupsOfFourWhenSeedThenSpacedWithoutTrailingSpace() {
		assertThat(QrCodes.inGroupsOfFour("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
		assertThat(QrCodes.inGroupsOfFour("ABCDEFGH")).isEqualTo("ABCD EFGH");
	}

}
