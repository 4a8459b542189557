package dev.mfaportal.credentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.mfaportal.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an employee sees in Chromium in keyless mode: a form without key fields, and the result after the new key
 * has propagated. Screenshots land in {@code target/screenshots/} (docs/images/credentials-keyless.png
 * is the form's).
 */
@ExtendWith(BrowserSupport.class)
class KeylessBrowserTests extends KeylessFlowSupport {

	@Test
	void keylessFormHasNoKeyFieldsThenTheButtonWaitsForAwsThenTheResultShows(Page page) {
		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				consoleErrors.add(message.text());
			}
		});
		String base = "http://localhost:" + this.port;
		String serial = newDevice("alice");
		this.sandbox.keyPropagationDelay(Duration.ofSeconds(3));
		BrowserSupport.signIn(page, base, "alice", "alice");

		page.navigate(base + "/credentials");
		assertThat(page.locator("#accessKeyId").count()).isZero();
		assertThat(page.locator("#keyless-note").isVisible()).isTrue();
		assertThat(page.locator("form#revoke-sessions").isVisible()).isTrue();
		page.selectOption("select[name=serialNumber]", serial);
		page.fill("#tokenCode", this.sandbox.devices().freshCode(serial));
		BrowserSupport.screenshot(page, "credentials-keyless");
		// Playwright answers no query while the navigation is under way, so the page notes its own state 100 ms after
		// the submission (the sandbox holds the new key back for 3 s) where the next page can read it.
		page.evaluate("() => { const form = document.getElementById('issue-credentials');"
				+ " form.addEventListener('submit', () => setTimeout(() => { const status = document.getElementById('credentials-busy');"
				+ " sessionStorage.setItem('busy', JSON.stringify({ disabled: form.querySelector('button[type=submit]').disabled,"
				+ " ariaBusy: form.getAttribute('aria-busy'), text: status.textContent, shown: status.offsetHeight > 0 })); }, 100)); }");
		page.click("form#issue-credentials button[type=submit]");

		page.waitForSelector("#session-access-key-id");
		assertThat(page.textContent("#session-access-key-id")).startsWith("ASIA");
		assertThat((String) page.evaluate("sessionStorage.getItem('busy')")).as("the form while AWS was waited for")
			.isEqualTo("{\"disabled\":true,\"ariaBusy\":\"true\",\"text\":\"Waiting for AWS (up to 20 seconds)...\",\"shown\":true}");
		BrowserSupport.screenshot(page, "credentials-keyless-result");
		assertThat(mintedKeysInSandbox("alice")).isEmpty();
		assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
	}

	@Test
	void keylessFormAndResultHaveNoAccessibilityViolationsInEitherLanguageOrScheme(Page page) {
		String base = "http://localhost:" + this.port;
		String serial = newDevice("alice");
		BrowserSupport.signIn(page, base, "alice", "alice");
		List<String> violations = new ArrayList<>();
		for (String language : List.of("ja", "en")) {
			// One form per language: each one mints a key, and alice may hold only one besides her own.
			page.navigate(base + "/credentials?lang=" + language);
			assertThat(page.getAttribute("html", "lang")).isEqualTo(language);
			bothSchemes(page, "keyless form " + language, violations);
			page.fill("#tokenCode", this.sandbox.devices().freshCode(serial));
			page.click("form#issue-credentials button[type=submit]");
			page.waitForSelector("#session-access-key-id");
			bothSchemes(page, "keyless result " + language, violations);
		}
		assertThat(violations).isEmpty();
	}

	private static void bothSchemes(Page page, String name, List<String> violations) {
		for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
			page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
			BrowserSupport.axe(page, name + " " + scheme, violations);
		}
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
	}

}
