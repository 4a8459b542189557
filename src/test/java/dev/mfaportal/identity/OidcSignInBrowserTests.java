package dev.mfaportal.identity;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company sign-in as a person sees it, in Chromium: the portal's button, the provider's own login page on its
 * own address, and back on the portal's home page naming the IAM user the sign-in maps to.
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class OidcSignInBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Test
	void signInWithTheDemoProviderThroughItsOwnPageThenHomeNamesTheMappedIamUser(Page page) {
		DemoIdentityProvider.addIamUsers(this.sandbox);
		String portal = "http://localhost:" + this.port;
		page.navigate(portal + "/login");
		BrowserSupport.screenshot(page, "sign-in-providers");

		page.click("#sign-in-with-demo");
		page.waitForURL((url) -> url.startsWith(DemoIdentityProvider.shared().issuer() + "/login"));
		page.fill("#username", "admin");
		page.fill("#password", "admin");
		page.click("button[type=submit]");
		page.waitForURL(portal + "/");

		assertThat(page.textContent("#signed-in-user")).isEqualTo("admin");
		assertThat(page.textContent("#iam-user")).isEqualTo("it.admin");
		BrowserSupport.screenshot(page, "sign-in-oidc");
	}

}
