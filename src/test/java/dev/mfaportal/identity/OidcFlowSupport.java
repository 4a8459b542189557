package dev.mfaportal.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.idp.ProviderSignIn;
import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running portal with the demo identity provider and the sandbox AWS account, for the company sign-in flow
 * tests: the provider's people have their IAM users, and whatever a test did to the provider is undone.
 */
@PortalFlowTest
abstract class OidcFlowSupport {

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	JdbcClient jdbc;

	final DemoIdentityProvider provider = DemoIdentityProvider.shared();

	@BeforeEach
	void providersPeopleInIam() {
		DemoIdentityProvider.addIamUsers(this.sandbox);
	}

	@AfterEach
	void resetProvider() {
		this.provider.reset();
	}

	/** A fresh browser, which shows every redirect. */
	PortalClient browser() {
		return PortalClient.notFollowingRedirects(this.port);
	}

	/** A fresh browser signed in at the demo provider as {@code username}. */
	PortalClient signedIn(String username) {
		PortalClient browser = browser();
		new ProviderSignIn(browser).signIn(username);
		return browser;
	}

	/** True when {@code browser}'s session is gone: the home page sends it to sign in. */
	static boolean signedOut(PortalClient browser) {
		Page home = browser.get("/");
		return home.status() == 302 && PortalClient.target(home).getPath().equals("/login");
	}

}
