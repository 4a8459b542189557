package dev.mfaportal.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PhoneBrowser;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.QrReader;
import dev.mfaportal.sandbox.SandboxAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Japanese employee on a phone: sign in, add a device by reading the QR code off the screen, then get session
 * credentials, every page in Japanese and none wider than the phone. The screenshots
 * ({@code target/screenshots/ja-*.png}) are the ones in {@code docs/images/}.
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class JapanesePhoneBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SandboxAccount sandbox;

	/** alice's new device would make the next test of this context ask her for a step-up code. */
	@AfterEach
	void noDevicesLeft() {
		this.sandbox.reset();
	}

	@Test
	void enrollAndGetCredentialsWhenInJapaneseOnAPhoneThenEveryPageFitsAndSpeaksJapanese(Page desktop) {
		this.sandbox.reset();
		String base = "http://localhost:" + this.port;
		List<String> tooWide = new ArrayList<>();
		try (BrowserContext phone = PhoneBrowser.open(desktop, "ja")) {
			Page page = phone.newPage();
			BrowserSupport.signIn(page, base, "alice", "alice");
			assertThat(page.getAttribute("html", "lang")).isEqualTo("ja");
			assertThat(page.textContent("h1")).contains("ようこそ");
			PhoneBrowser.checkFits(page, "home", tooWide);
			BrowserSupport.screenshot(page, "ja-home");

			page.navigate(base + "/mfa");
			page.fill("#label", "iphone");
			page.click("form#start-enrollment button[type=submit]");
			page.waitForSelector("img#mfa-qr, #enrollment-problem");
			assertThat(page.locator("#enrollment-problem").allTextContents()).as("the start's answer").isEmpty();
			assertThat(page.textContent("#open-in-app")).isEqualTo("認証アプリで開く");
			assertThat(page.textContent("#enrollment-label")).isEqualTo("iphone");
			PhoneBrowser.checkFits(page, "scan", tooWide);
			BrowserSupport.screenshot(page, "ja-scan");

			String secret = QrReader.query(QrReader.decode(page.locator("img#mfa-qr").screenshot()), "secret");
			Totp phoneApp = Totp.ofBase32Seed(secret);
			long now = Totp.stepAt(Instant.now());
			page.fill("#code1", phoneApp.codeAt(now - 1));
			page.fill("#code2", phoneApp.codeAt(now));
			page.click("form#activate-enrollment button[type=submit]");
			page.waitForSelector("#enrollment-success");
			assertThat(page.textContent("#enrollment-success p")).contains("「iphone」");
			PhoneBrowser.checkFits(page, "devices", tooWide);
			BrowserSupport.screenshot(page, "ja-devices");

			String serial = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-iphone";
			page.navigate(base + "/credentials");
			page.fill("#accessKeyId", SandboxAccount.ALICE_ACCESS_KEY_ID);
			page.fill("#secretAccessKey", SandboxAccount.ALICE_SECRET_ACCESS_KEY);
			page.fill("#tokenCode", this.sandbox.devices().freshCode(serial));
			PhoneBrowser.checkFits(page, "credentials form", tooWide);
			BrowserSupport.screenshot(page, "ja-credentials-form");
			page.click("form#issue-credentials button[type=submit]");
			page.waitForSelector("#session-access-key-id");
			assertThat(page.getAttribute("html", "lang")).isEqualTo("ja");
			PhoneBrowser.checkFits(page, "credentials result", tooWide);
			BrowserSupport.screenshot(page, "ja-credentials-result");
		}
		assertThat(tooWide).isEmpty();
	}

}
