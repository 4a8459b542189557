package dev.mfaportal.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.TestClock;
import dev.mfaportal.idp.ProviderSignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Confirm it's you" for a company sign-in: no password at the portal (whatever local account shares the name);
 * the person signs in again at the provider, which is asked to ask again, and continues where they were going.
 */
class OidcReauthenticationFlowTests extends OidcFlowSupport {

	@Autowired
	TestClock clock;

	PortalClient browser;

	ProviderSignIn signIn;

	@BeforeEach
	void signedInAtTheProvider() {
		this.browser = browser();
		this.signIn = new ProviderSignIn(this.browser);
		this.signIn.signIn("alice");
	}

	@Test
	void confirmWhenTheSignInIsRecentThenStraightOn() {
		assertThat(this.browser.get("/reauthenticate?continue=/mfa").location()).endsWith("/mfa");
	}

	@Test
	void confirmWhenTheSignInIsOldThenSignInAgainAtTheProviderAskedToAskAgain() {
		this.clock.advance(Duration.ofMinutes(11));
		Page confirm = this.browser.get("/reauthenticate?continue=/mfa");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.document().selectFirst("form#reauthenticate")).as("no password form").isNull();
		String again = confirm.document().selectFirst("#reauthenticate-with-provider").attr("href");

		URI authorize = PortalClient.target(this.browser.get(again));
		Map<String, List<String>> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
		assertThat(query.get("prompt")).containsExactly("login");
		assertThat(query.get("max_age")).containsExactly("0");
		// Spring Authorization Server ignores prompt=login and reuses its session; the providers of docs/configuration.md
		// honour it and ask for the password (and second factor) again.
		Page back = this.signIn.follow(this.browser.get(authorize.toString()), null);
		assertThat(back.response().uri().getPath()).isEqualTo("/mfa");
		assertThat(this.browser.get("/reauthenticate?continue=/mfa").location()).as("now recent").endsWith("/mfa");
	}

	@Test
	void confirmWhenAPasswordIsPostedForACompanySignInThenNotAccepted() {
		this.clock.advance(Duration.ofMinutes(11));
		Page confirm = this.browser.get("/reauthenticate?continue=/mfa");
		String csrf = PortalClient.csrf(confirm.document(), "form#sign-out");
		Page posted = this.browser.post("/reauthenticate", Map.of("_csrf", csrf, "password", "alice", "continue", "/mfa"));
		assertThat(posted.location()).endsWith("/reauthenticate");
		assertThat(this.browser.get("/reauthenticate?continue=/mfa").status()).as("still not confirmed").isEqualTo(200);
	}

}
