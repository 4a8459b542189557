package dev.mfaportal.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PhoneBrowser;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.sandbox.SandboxAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, as each role reaches it, on a 390 px phone in English and Japanese: none scrolls sideways. Wide
 * tables become cards (the devices) or scroll inside their own box (the admin tables).
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class PhoneLayoutBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	/** The devices made here would make the next test of this context ask alice and bob for a step-up code. */
	@AfterEach
	void noDevicesLeft() {
		this.sandbox.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ja" })
	void everyPageWhenOnAPhoneThenNoneScrollsSideways(String language, Page desktop) {
		this.sandbox.reset();
		String serial = this.sandbox.devices().createEnabled("alice", "/mfa-portal/", "alice-work-phone-with-a-long-label");
		List<String> tooWide = new ArrayList<>();
		try (BrowserContext phone = PhoneBrowser.open(desktop, language)) {
			Page page = phone.newPage();
			visit(page, "/login", "sign-in", tooWide);
			visit(page, "/login?expired", "sign-in again", tooWide);
			visit(page, "/no-such-page", "404", tooWide);
			BrowserSupport.signIn(page, baseUrl(), "alice", "alice");
			assertThat(page.getAttribute("html", "lang")).isEqualTo(language);
			for (String path : List.of("/", "/mfa", "/mfa/devices/remove?serial=" + serial, "/credentials",
					"/reauthenticate")) {
				visit(page, path, "employee " + path, tooWide);
			}
			page.navigate(baseUrl() + "/credentials");
			page.fill("#accessKeyId", SandboxAccount.ALICE_ACCESS_KEY_ID);
			page.fill("#secretAccessKey", SandboxAccount.ALICE_SECRET_ACCESS_KEY);
			page.fill("#tokenCode", this.sandbox.devices().freshCode(serial));
			page.click("form#issue-credentials button[type=submit]");
			page.waitForSelector("#session-access-key-id");
			PhoneBrowser.checkFits(page, "credentials result", tooWide);
		}
		for (String role : List.of("helpdesk", "auditor", "admin")) {
			try (BrowserContext phone = PhoneBrowser.open(desktop, language)) {
				Page page = phone.newPage();
				BrowserSupport.signIn(page, baseUrl(), role, role);
				visit(page, "/", role + " home", tooWide);
				if (!role.equals("auditor")) {
					visit(page, "/admin/employees/alice", role + " help desk", tooWide);
				}
				if (!role.equals("helpdesk")) {
					visit(page, "/admin/audit", role + " audit log", tooWide);
					String event = page.getAttribute("tr[data-audit-id]", "data-audit-id");
					visit(page, "/admin/audit/" + event, role + " audit event", tooWide);
					visit(page, "/admin/audit/integrity", role + " integrity", tooWide);
					visit(page, "/admin/coverage", role + " coverage", tooWide);
				}
			}
		}
		try (BrowserContext phone = PhoneBrowser.open(desktop, language)) {
			Page page = phone.newPage();
			BrowserSupport.signIn(page, baseUrl(), "bob", "bob");
			page.navigate(baseUrl() + "/mfa");
			page.click("form#start-enrollment button[type=submit]");
			page.waitForSelector("#mfa-scan");
			PhoneBrowser.checkFits(page, "scan", tooWide);
		}
		assertThat(tooWide).isEmpty();
	}

	private void visit(Page page, String path, String name, List<String> tooWide) {
		page.navigate(baseUrl() + path);
		PhoneBrowser.checkFits(page, name, tooWide);
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
