package dev.mfaportal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.helpdesk.LostDevice;
import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (shipped in its Maven artifact, never fetched) on every page an employee or admin reaches, in English
 * and Japanese, light and dark: any WCAG 2 A/AA violation fails, listed with the elements it names.
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class AccessibilityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	MfaDevices mfaDevices;

	static Stream<Arguments> languagesAndSchemes() {
		return Stream.of(Arguments.of("en", ColorScheme.LIGHT), Arguments.of("en", ColorScheme.DARK),
				Arguments.of("ja", ColorScheme.LIGHT), Arguments.of("ja", ColorScheme.DARK));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndSchemes")
	void employeePagesHaveNoViolations(String language, ColorScheme scheme, Page page) {
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
		List<String> violations = new ArrayList<>();
		page.navigate(baseUrl() + "/login?lang=" + language);
		check(page, "sign-in", language, violations);
		BrowserSupport.signIn(page, baseUrl(), "bob", "bob");
		check(page, "home", language, violations);
		page.navigate(baseUrl() + "/mfa");
		check(page, "devices", language, violations);
		page.navigate(baseUrl() + "/credentials");
		check(page, "credentials", language, violations);
		page.navigate(baseUrl() + "/no-such-page");
		check(page, "404", language, violations);
		page.navigate(baseUrl() + "/mfa");
		page.click("form#start-enrollment button[type=submit]");
		page.waitForSelector("#mfa-scan");
		check(page, "scan", language, violations);
		page.click("form#cancel-enrollment button[type=submit]");
		page.waitForURL((url) -> url.endsWith("/mfa"));
		credentialsPages(page, language, violations);
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("languagesAndSchemes")
	void adminPagesHaveNoViolations(String language, ColorScheme scheme, Page page) {
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
		List<String> violations = new ArrayList<>();
		page.navigate(baseUrl() + "/login?lang=" + language);
		BrowserSupport.signIn(page, baseUrl(), "admin", "admin");
		page.navigate(baseUrl() + "/admin/audit");
		check(page, "audit log", language, violations);
		String firstEvent = page.getAttribute("tr[data-audit-id]", "data-audit-id");
		page.navigate(baseUrl() + "/admin/audit/" + firstEvent);
		check(page, "audit event", language, violations);
		page.navigate(baseUrl() + "/admin/audit/integrity");
		check(page, "integrity", language, violations);
		LostDevice lost = LostDevice.of(this.sandbox, this.mfaDevices, "alice");
		try {
			page.navigate(baseUrl() + "/admin/employees/alice");
			check(page, "help desk", language, violations);
			String removeForm = "tr[data-serial=\"" + lost.serial() + "\"] form.helpdesk-remove";
			page.fill(removeForm + " textarea[name=reason]", "lost");
			page.click(removeForm + " button[type=submit]");
			page.waitForSelector("form#helpdesk-confirm-removal");
			check(page, "help desk removal confirmation", language, violations);
		}
		finally {
			lost.removeIfLeft();
		}
		page.navigate(baseUrl() + "/admin/employees?iamUser=nobody-here");
		check(page, "help desk search", language, violations);
		assertThat(violations).isEmpty();
	}

	/** The credentials form refused (its error summary and field errors), then the result page. */
	private void credentialsPages(Page page, String language, List<String> violations) {
		String serial = this.sandbox.devices().createEnabled("bob", "/mfa-portal/", "axe-" + UUID.randomUUID().toString().substring(0, 8));
		try {
			issueCredentials(page, serial, language, violations);
		}
		finally {
			// Without a device bob's next enrollment needs no step-up, which the pages above expect.
			this.sandbox.reset();
		}
	}

	private void issueCredentials(Page page, String serial, String language, List<String> violations) {
		page.navigate(baseUrl() + "/credentials");
		page.selectOption("select[name=serialNumber]", serial);
		page.fill("#accessKeyId", SandboxAccount.BOB_ACCESS_KEY_ID);
		page.fill("#tokenCode", "12");
		page.click("form#issue-credentials button[type=submit]");
		page.waitForSelector("#form-errors");
		check(page, "credentials errors", language, violations);
		page.fill("#secretAccessKey", SandboxAccount.BOB_SECRET_ACCESS_KEY);
		page.fill("#tokenCode", this.sandbox.devices().freshCode(serial));
		page.click("form#issue-credentials button[type=submit]");
		page.waitForSelector("#session-access-key-id");
		check(page, "credentials result", language, violations);
	}

	private static void check(Page page, String name, String language, List<String> violations) {
		assertThat(page.getAttribute("html", "lang")).as(name).isEqualTo(language);
		BrowserSupport.axe(page, name, violations);
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
