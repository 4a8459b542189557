package dev.mfaportal.credentials;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.mfaportal.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an employee sees in Chromium: the form, the result page with its countdown and copy buttons, and
 * a downloaded bash file. Screenshots land in {@code target/screenshots/}.
 */
@ExtendWith(BrowserSupport.class)
class CredentialsBrowserTests extends CredentialsFlowSupport {

	@Test
	void issueInChromiumThenDownloadTheBashFile(Page page) throws Exception {
		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				consoleErrors.add(message.text());
			}
		});
		fillTheFormForANewDevice(page);
		page.selectOption("select[name=durationSeconds]", "28800");
		BrowserSupport.screenshot(page, "credentials-form");
		page.click("form#issue-credentials button[type=submit]");

		page.waitForSelector("#session-access-key-id");
		String keyId = page.textContent("#session-access-key-id");
		assertThat(keyId).startsWith("ASIA");
		page.waitForFunction("document.getElementById('session-countdown').textContent.includes(' h ')");
		assertThat(page.textContent("#session-countdown")).matches("7 h 59 min \\d\\d s|8 h 00 min 00 s");

		Download download = page.waitForDownload(() -> page.click("button[data-format=bash]"));
		assertThat(download.suggestedFilename()).isEqualTo("aws-session.env");
		String bash = Files.readString(download.path());
		assertThat(bash).startsWith("# AWS session credentials issued by MFA Portal to alice")
			.contains("export AWS_ACCESS_KEY_ID='" + keyId + "'")
			.contains("export AWS_SESSION_TOKEN='");
		assertThat(bash).isEqualTo(page.textContent("pre#credentials-bash"));

		page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
		page.click("#tab-dotenv");
		assertThat(page.isVisible("pre#credentials-dotenv")).isTrue();
		assertThat(page.isVisible("pre#credentials-bash")).isFalse();
		page.click("button[data-copy-target=credentials-dotenv]");
		assertThat((String) page.evaluate("navigator.clipboard.readText()"))
			.isEqualTo(page.textContent("pre#credentials-dotenv"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy secret access key")).click();
		assertThat((String) page.evaluate("navigator.clipboard.readText()"))
			.isEqualTo(page.textContent("#session-secret-access-key"))
			.isNotBlank();
		page.click("#tab-bash");

		BrowserSupport.screenshot(page, "credentials-result");
		assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
	}

	@Test
	void wrongCodeInChromiumThenTheErrorSummaryHasFocusAndTheFormKeepsTheKeyIdButNoSecret(Page page) {
		String base = "http://localhost:" + this.port;
		String serial = newDevice("alice");
		BrowserSupport.signIn(page, base, "alice", "alice");
		page.navigate(base + "/credentials");
		page.fill("#accessKeyId", ALICE_KEY_ID);
		page.fill("#secretAccessKey", ALICE_SECRET);
		page.fill("#tokenCode", "12345");
		page.click("form#issue-credentials button[type=submit]");
		page.waitForSelector("p.error");
		page.waitForFunction("document.activeElement && document.activeElement.id === 'form-errors'");
		assertThat(page.getAttribute("#tokenCode", "aria-invalid")).isEqualTo("true");
		assertThat(page.inputValue("#accessKeyId")).isEqualTo(ALICE_KEY_ID);
		assertThat(page.inputValue("#secretAccessKey")).isEmpty();
		assertThat(page.inputValue("#tokenCode")).isEmpty();
		assertThat(page.content()).doesNotContain(ALICE_SECRET);
		BrowserSupport.screenshot(page, "credentials-form-error");
	}

	@Test
	void resultOnWindowsThenThePowerShellTabIsChosen(Page page) {
		page.addInitScript("Object.defineProperty(navigator, 'platform', { get: () => 'Win32' });"
				+ "Object.defineProperty(navigator, 'userAgentData', { get: () => ({ platform: 'Windows' }) });");
		fillTheFormForANewDevice(page);
		page.click("form#issue-credentials button[type=submit]");

		page.waitForSelector("#tab-powershell[aria-selected=true]");
		assertThat(page.isVisible("pre#credentials-powershell")).isTrue();
		assertThat(page.isVisible("pre#credentials-bash")).isFalse();
		page.focus("#tab-powershell");
		page.keyboard().press("ArrowRight");
		assertThat(page.getAttribute("#tab-cmd", "aria-selected")).isEqualTo("true");
		assertThat(page.evaluate("document.activeElement.id")).isEqualTo("tab-cmd");
	}

	/** Alice signed in, on the form with a new device of hers chosen, her key and a fresh code typed. */
	private void fillTheFormForANewDevice(Page page) {
		String base = "http://localhost:" + this.port;
		String serial = newDevice("alice");
		BrowserSupport.signIn(page, base, "alice", "alice");
		page.navigate(base + "/credentials");
		page.selectOption("select[name=serialNumber]", serial);
		page.fill("#accessKeyId", ALICE_KEY_ID);
		page.fill("#secretAccessKey", ALICE_SECRET);
		page.fill("#tokenCode", this.sandbox.devices().freshCode(serial));
	}

}
