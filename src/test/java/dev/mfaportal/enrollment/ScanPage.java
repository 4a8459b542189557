package dev.mfaportal.enrollment;

import java.time.Instant;

import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.QrReader;

/**
 * What a phone gets from the scan page: the otpauth URI decoded from the QR image, and the codes an
 * authenticator app would show for it.
 */
record ScanPage(Page page, String otpauthUri) {

	static ScanPage of(Page page) {
		return new ScanPage(page, QrReader.decodeDataUri(page.document().selectFirst("img#mfa-qr").attr("src")));
	}

	/** The {@code secret} parameter of the otpauth URI. */
	String secret() {
		return query("secret");
	}

	String query(String name) {
		return QrReader.query(this.otpauthUri, name);
	}

	String serial() {
		return this.page.document().selectFirst("#mfa-scan").attr("data-serial");
	}

	/** The code the app shows {@code steps} 30-second steps from now. */
	String code(long steps) {
		return code(secret(), steps);
	}

	static String code(String base32Seed, long steps) {
		return Totp.ofBase32Seed(base32Seed).codeAt(Totp.stepAt(Instant.now()) + steps);
	}

}
