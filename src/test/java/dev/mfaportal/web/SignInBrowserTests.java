package dev.mfaportal.web;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an employee sees: the whole portal on a real port, PostgreSQL and the sandbox AWS account, driven
 * through Chromium.
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class SignInBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	MfaDevices mfaDevices;

	@Test
	void aliceSignsInAndSeesHerIamUserAndDevices(Page page) {
		page.navigate(baseUrl() + "/");
		assertThat(page.url()).endsWith("/login");
		BrowserSupport.screenshot(page, "sign-in");

		BrowserSupport.signIn(page, baseUrl(), "alice", "alice");

		assertThat(page.url()).isEqualTo(baseUrl() + "/");
		assertThat(page.textContent("#iam-user")).isEqualTo("alice");
		assertThat(page.textContent("#signed-in-user")).isEqualTo("alice");
		assertThat(page.textContent("#device-count")).endsWith("of 8 used");
		assertThat(page.locator("#aws-problem").count()).isZero();
		BrowserSupport.screenshot(page, "home");
	}

	@Test
	void bobSeesTheDeviceTheSandboxHoldsForHim(Page page) {
		String serial = this.sandbox.devices().createEnabled("bob", "/mfa-portal/", "bob-browser-" + System.nanoTime());
		try {
			BrowserSupport.signIn(page, baseUrl(), "bob", "bob");
			assertThat(page.locator("tr[data-serial='" + serial + "'] time").getAttribute("datetime")).isNotBlank();
			assertThat(page.textContent("#device-count"))
				.isEqualTo(this.sandbox.devices().of("bob").size() + " of 8 used");
			BrowserSupport.screenshot(page, "home-with-device");
		}
		finally {
			this.mfaDevices.deactivate("bob", serial);
			this.mfaDevices.delete(serial);
		}
	}

	@Test
	void wrongPasswordShowsTheFormAgainWithAMessage(Page page) {
		BrowserSupport.signIn(page, baseUrl(), "alice", "not-her-password");
		assertThat(page.url()).endsWith("/login?error");
		assertThat(page.locator("[role=alert]").textContent()).contains("Wrong username or password");
	}

	@Test
	void signOutEndsTheSession(Page page) {
		BrowserSupport.signIn(page, baseUrl(), "bob", "bob");
		page.click("#sign-out button");
		page.waitForURL((url) -> url.endsWith("/login?logout"));
		page.navigate(baseUrl() + "/");
		assertThat(page.url()).endsWith("/login");
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
