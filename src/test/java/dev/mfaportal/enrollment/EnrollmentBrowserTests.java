package dev.mfaportal.enrollment;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.QrReader;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxDevice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrollment as a person does it in Chromium: the QR code is read off the rendered page, as a phone would,
 * and the two codes are typed into the form. Screenshots of the scan and success pages land in
 * {@code target/screenshots/}.
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class EnrollmentBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SandboxAccount sandbox;

	@Test
	void enrollWhenQrCodeReadFromTheScreenThenDeviceActiveAndListed(Page page) {
		this.sandbox.reset();
		String baseUrl = "http://localhost:" + this.port;
		BrowserSupport.signIn(page, baseUrl, "alice", "alice");
		page.navigate(baseUrl + "/mfa");
		page.fill("#label", "browser-phone");
		page.click("form#start-enrollment button[type=submit]");
		page.waitForSelector("img#mfa-qr");

		String otpauthUri = QrReader.decode(page.locator("img#mfa-qr").screenshot());
		String secret = QrReader.query(otpauthUri, "secret");
		assertThat(page.textContent("#mfa-secret").replace(" ", "")).isEqualTo(secret);
		BrowserSupport.screenshot(page, "enrollment-scan");

		page.fill("#code1", ScanPage.code(secret, -1));
		page.fill("#code2", ScanPage.code(secret, 0));
		page.click("form#activate-enrollment button[type=submit]");
		page.waitForSelector("#enrollment-success");
		BrowserSupport.screenshot(page, "enrollment-success");

		String serial = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-browser-phone";
		assertThat(page.locator("tr[data-serial='" + serial + "']").isVisible()).isTrue();
		assertThat(this.sandbox.devices().of("alice")).extracting(SandboxDevice::serialNumber).containsExactly(serial);
	}

}
