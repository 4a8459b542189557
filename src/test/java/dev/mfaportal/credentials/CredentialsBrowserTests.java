package dev.mfaportal.credentials;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
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
		String base = "http://localhost:" + this.port;
		String serial = newDevice("alice");
		BrowserSupport.signIn(page, base, "alice", "alice");

		page.navigate(base + "/credentials");
		page.selectOption("select[name=serialNumber]", serial);
		page.selectOption("select[name=durationSeconds]", "28800");
		page.fill("#accessKeyId", ALICE_KEY_ID);
		page.fill("#secretAccessKey", ALICE_SECRET);
		page.fill("#tokenCode", this.sandbox.devices().freshCode(serial));
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
		page.click("button[data-copy-target=credentials-dotenv]");
		assertThat((String) page.evaluate("navigator.clipboard.readText()"))
			.isEqualTo(page.textContent("pre#credentials-dotenv"));

		BrowserSupport.screenshot(page, "credentials-result");
		assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
	}

	@Test
	void wrongCodeInChromiumThenTheFormSaysSoAndKeepsNoSecret(Page page) {
		String base = "http://localhost:" + this.port;
		String serial = newDevice("alice");
		BrowserSupport.signIn(page, base, "alice", "alice");
		page.navigate(base + "/credentials");
		page.fill("#accessKeyId", ALICE_KEY_ID);
		page.fill("#secretAccessKey", ALICE_SECRET);
		page.fill("#tokenCode", "12345");
		page.click("form#issue-credentials button[type=submit]");
		page.waitForSelector("p.error");
		assertThat(page.inputValue("#secretAccessKey")).isEmpty();
		assertThat(page.inputValue("#tokenCode")).isEmpty();
		assertThat(page.content()).doesNotContain(ALICE_SECRET);
		BrowserSupport.screenshot(page, "credentials-form-error");
	}

}
