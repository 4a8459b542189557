package dev.mfaportal.web;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mfaportal.BrowserSupport;
import dev.mfaportal.TestDatabaseConfiguration;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an employee sees: the whole portal on a real port, PostgreSQL and the sandbox AWS account, driven
 * through Chromium.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, SandboxAwsConfiguration.class })
@ExtendWith(BrowserSupport.class)
class SignInBrowserTests {

	@LocalServerPort
	int port;

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
