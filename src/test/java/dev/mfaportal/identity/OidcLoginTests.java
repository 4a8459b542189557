package dev.mfaportal.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What {@link OidcLogin} accepts as a provider: OpenID Connect with a known issuer, or the portal does not start.
 */
class OidcLoginTests {

	static ClientRegistration.Builder provider(String id) {
		return ClientRegistration.withRegistrationId(id)
			.clientName("Example " + id)
			.clientId("portal")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.authorizationUri("https://idp.example/authorize")
			.tokenUri("https://idp.example/token")
			.jwkSetUri("https://idp.example/keys")
			.issuerUri("https://idp.example");
	}

	static OidcLogin login(ClientRegistration... registrations) {
		InMemoryClientRegistrationRepository repository = new InMemoryClientRegistrationRepository(registrations);
		OidcSignInMapper mapper = new OidcSignInMapper(null, new GroupRoles(Map.of(), "groups"),
				new IdpMfa(Set.of(), Set.of()));
		return new OidcLogin(repository, new AuthorizationRequests(repository, Set.of()), mapper, null, null, null,
				"{baseUrl}/login?logout", Clock.systemUTC());
	}

	@Test
	void providersWhenOpenIdWithIssuerThenOfferedByName() {
		assertThat(login(provider("okta").build(), provider("entra").build()).providers())
			.extracting(ClientRegistration::getRegistrationId)
			.containsExactly("entra", "okta");
	}

	@Test
	void providerWhenWithoutIssuerThenStartUpStopsNamingTheRegistration() {
		assertThatIllegalStateException().isThrownBy(() -> login(provider("entra").issuerUri(null).build()))
			.withMessageContaining("spring.security.oauth2.client.registration.entra")
			.withMessageContaining("issuer-uri");
	}

	@Test
	void chainWhenLocalAccountsAreOffAndNoProviderIsRegisteredThenStartUpStops() {
		AccessProperties off = new AccessProperties(new AccessProperties.LocalAccounts(false), Map.of());
		assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.signInMethods(off, null, null))
			.withMessageContaining("Nobody could sign in");
		assertThat(SecurityConfiguration.signInMethods(off, null, login(provider("entra").build()))).hasSize(1);
	}

	@Test
	void providerWhenPlainOAuthWithoutOpenIdThenStartUpStops() {
		assertThatIllegalStateException().isThrownBy(() -> login(provider("github").scope("read:user").build()))
			.withMessageContaining("openid");
	}

}
