package dev.mfaportal.enrollment;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
		assertThat(page.textContent("#enrollment-label")).isEqualTo("browser-phone");

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
		// The device by the label typed on the first page, its ARN beside; the message has the focus.
		assertThat(page.textContent("#enrollment-success p")).contains("“browser-phone”").doesNotContain("arn:");
		assertThat(page.textContent("#enrollment-success .device-serial")).isEqualTo(serial);
		assertThat(page.textContent("tr[data-serial='" + serial + "'] .device-label")).isEqualTo("browser-phone");
		assertThat(page.evaluate("document.activeElement.id")).isEqualTo("enrollment-success");
		assertThat(this.sandbox.devices().of("alice")).extracting(SandboxDevice::serialNumber).containsExactly(serial);
	}

	@Test
	void scanPageWhenOpenedThenKeyHiddenUntilAskedForAndTheDeadlineCountsDown(Page page) {
		startEnrollment(page, "desk-phone");
		assertThat(page.isVisible("#mfa-secret")).isFalse();
		assertThat(page.getAttribute("#show-secret", "aria-expanded")).isEqualTo("false");
		page.click("#show-secret");
		assertThat(page.isVisible("#mfa-secret")).isTrue();
		assertThat(page.getAttribute("#show-secret", "aria-expanded")).isEqualTo("true");
		assertThat(page.textContent("#show-secret")).isEqualTo("Hide key");
		page.click("#show-secret");
		assertThat(page.isVisible("#mfa-secret")).isFalse();
		// Ten minutes to finish, counted down in the words of the message bundle.
		assertThat(page.textContent("#enrollment-countdown")).matches("Time left to finish: (10:00|9:[0-5][0-9])");
		// A desktop scans the QR code; the link into the app is for a phone.
		assertThat(page.isVisible("#open-in-app")).isFalse();
	}

	@Test
	void scanPageOnAPhoneThenOpenInAppLinkCarriesWhatTheQrCodeEncodes(Page desktop) {
		try (BrowserContext phone = desktop.context().browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
			Page page = phone.newPage();
			startEnrollment(page, "pocket-phone");
			String otpauthUri = QrReader.decode(page.locator("img#mfa-qr").screenshot());
			assertThat(page.isVisible("#open-in-app")).isTrue();
			assertThat(page.getAttribute("#open-in-app", "href")).isEqualTo(otpauthUri).startsWith("otpauth://totp/");
		}
	}

	@Test
	void activationWhenCodesWrongThenPlainWordingAndTheFocusOnTheMessage(Page page) {
		startEnrollment(page, "wrong-codes");
		page.fill("#code1", "000000");
		page.fill("#code2", "000001");
		page.click("form#activate-enrollment button[type=submit]");
		page.waitForSelector("#enrollment-problem");
		assertThat(page.textContent("#enrollment-problem")).contains("Check the code, or that your app shows this entry");
		assertThat(page.evaluate("document.activeElement.id")).isEqualTo("enrollment-problem");
	}

	@Test
	void enrollmentWhenCancelledThenTheFocusOnTheNoticeAfterTheRedirect(Page page) {
		startEnrollment(page, "cancelled");
		page.click("form#cancel-enrollment button[type=submit]");
		page.waitForSelector("#enrollment-notice");
		assertThat(page.evaluate("document.activeElement.id")).isEqualTo("enrollment-notice");
	}

	private void startEnrollment(Page page, String label) {
		this.sandbox.reset();
		String baseUrl = "http://localhost:" + this.port;
		BrowserSupport.signIn(page, baseUrl, "alice", "alice");
		page.navigate(baseUrl + "/mfa");
		page.fill("#label", label);
		page.click("form#start-enrollment button[type=submit]");
		page.waitForSelector("img#mfa-qr");
	}

}
