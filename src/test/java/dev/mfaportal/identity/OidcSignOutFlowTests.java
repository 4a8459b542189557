package dev.mfaportal.identity;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.idp.ProviderSignIn;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out of a company sign-in (S39): the portal's session ends and so does the provider's (RP-initiated
 * logout); and the provider's back-channel logout ends the portal session it names, found in PostgreSQL.
 */
class OidcSignOutFlowTests extends OidcFlowSupport {

	@Test
	void signOutWhenSignedInAtTheProviderThenBothSessionsEnd() {
		PortalClient browser = browser();
		ProviderSignIn signIn = new ProviderSignIn(browser);
		Page home = signIn.signIn("alice");
		Page signOut = browser.submit(home, "form#sign-out", Map.of());
		URI endSession = PortalClient.target(signOut);
		assertThat(endSession.toString()).startsWith(this.provider.issuer() + "/connect/logout?");
		Map<String, List<String>> query = UriComponentsBuilder.fromUri(endSession).build().getQueryParams();
		assertThat(query).containsKey("id_token_hint");
		assertThat(query.get("post_logout_redirect_uri")).containsExactly("http://localhost:" + this.port + "/login?logout");
		Page signedOut = signIn.follow(signOut, null);
		assertThat(signedOut.response().uri().toString()).isEqualTo("http://localhost:" + this.port + "/login?logout");
		assertThat(signedOut(browser)).isTrue();
		// The provider asks for the password again: its own session ended too.
		assertThat(signIn.loginPage().response().uri().getPath()).isEqualTo("/login");
		assertThat(signIn.loginPage().response().uri().getHost()).isEqualTo(this.provider.issuer().getHost());
	}

	@Test
	void backChannelLogoutWhenTheProviderEndsItsSessionThenThatPortalSessionEndsAndNoOther() {
		PortalClient company = signedIn("alice");
		String sid = this.provider.lastSid();
		PortalClient local = browser().signIn("alice", "alice");

		Page answer = backChannel(this.provider.logoutToken(null, sid));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(signedOut(company)).isTrue();
		assertThat(local.get("/").status()).as("the local sign-in of the same name").isEqualTo(200);
		assertThat(this.jdbc.sql("""
				SELECT detail->>'sessions' FROM audit_event WHERE action = 'signout.provider' AND portal_user = 'alice'
				ORDER BY id DESC LIMIT 1""").query(String.class).single()).isEqualTo("1");
	}

	@Test
	void backChannelLogoutWhenItNamesOnlyTheSubjectThenEveryCompanySessionOfThatPersonEnds() {
		PortalClient laptop = signedIn("bob");
		PortalClient phone = signedIn("bob");

		assertThat(backChannel(this.provider.logoutToken("bob", null)).status()).isEqualTo(200);

		assertThat(signedOut(laptop)).isTrue();
		assertThat(signedOut(phone)).isTrue();
	}

	@Test
	void backChannelLogoutWhenSignedWithAnotherKeyThenRefusedAndTheSessionLives() throws Exception {
		PortalClient company = signedIn("alice");

		assertThat(backChannel(forgedLogoutToken("alice")).status()).isEqualTo(400);
		assertThat(company.get("/").status()).isEqualTo(200);
	}

	/** As the provider posts it: from no browser, so with no session cookie and no CSRF token. */
	Page backChannel(String logoutToken) {
		return browser().post("/logout/connect/back-channel/" + DemoIdentityProvider.REGISTRATION_ID,
					Map.of("logout_token", logoutToken));
	}

	/** A well-formed logout token from the provider's issuer, signed with a key the provider never published. */
	String forgedLogoutToken(String subject) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var keys = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
			.keyID("forged")
			.build();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.provider.issuer().toString())
			.audience(List.of(DemoIdentityProvider.CLIENT_ID))
			.issuedAt(Instant.now())
			.id("forged-" + System.nanoTime())
			.subject(subject)
			.claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
			.build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build(), claims))
			.getTokenValue();
	}

}
