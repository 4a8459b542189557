package dev.mfaportal.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Sign-in with the OpenID providers registered under {@code spring.security.oauth2.client}: the authorization
 * code flow with state, nonce and PKCE ({@link AuthorizationRequests}), ID tokens
 * checked on the one {@link Clock}, the claims mapped by {@link OidcSignInMapper}, RP-initiated logout and
 * back-channel logout. {@link SecurityConfiguration} applies it to the one chain.
 */
final class OidcLogin {

	private final ClientRegistrationRepository registrations;

	private final List<ClientRegistration> providers;

	private final AuthorizationRequests requests;

	private final OidcAuthorizationCodeAuthenticationProvider authenticationProvider;

	private final OidcSignInFailureHandler failureHandler;

	private final JdbcOidcSessionRegistry sessionRegistry;

	private final BackChannelSignOut backChannel;

	private final String postLogoutRedirectUri;

	OidcLogin(ClientRegistrationRepository registrations, AuthorizationRequests requests, OidcSignInMapper mapper,
			JdbcOidcSessionRegistry sessionRegistry, BackChannelSignOut backChannel,
			OidcSignInFailureHandler failureHandler, String postLogoutRedirectUri, Clock clock) {
		this.registrations = registrations;
		this.providers = checked(registrations);
		this.requests = requests;
		OidcUserService users = new OidcUserService();
		users.setOidcUserConverter(mapper);
		this.authenticationProvider = new OidcAuthorizationCodeAuthenticationProvider(
				new RestClientAuthorizationCodeTokenResponseClient(), users);
		this.authenticationProvider.setJwtDecoderFactory(idTokenDecoders(clock));
		this.failureHandler = failureHandler;
		this.sessionRegistry = sessionRegistry;
		this.backChannel = backChannel;
		this.postLogoutRedirectUri = postLogoutRedirectUri;
	}

	/**
	 * Only OpenID Connect, and only with a known issuer: without {@code issuer-uri} Spring Security would accept an
	 * ID token from any issuer the keys verify.
	 */
	private static List<ClientRegistration> checked(ClientRegistrationRepository registrations) {
		if (!(registrations instanceof Iterable<?> all)) {
			throw new IllegalStateException("Cannot list the OpenID providers of " + registrations.getClass().getName());
		}
		List<ClientRegistration> providers = new ArrayList<>();
		// Spring Boot keeps registrations in a hash map; the page lists them by name.
		for (Object each : all) {
			ClientRegistration registration = (ClientRegistration) each;
			String property = "spring.security.oauth2.client.registration." + registration.getRegistrationId();
			if (!registration.getScopes().contains(OidcScopes.OPENID)) {
				throw new IllegalStateException(property + ".scope must include openid: the portal signs in with OpenID Connect only");
			}
			if (registration.getProviderDetails().getIssuerUri() == null) {
				throw new IllegalStateException(property + " needs its provider's issuer-uri, so that ID tokens of other issuers are refused");
			}
			providers.add(registration);
		}
		providers.sort(Comparator.comparing(ClientRegistration::getClientName));
		return List.copyOf(providers);
	}

	private static OidcIdTokenDecoderFactory idTokenDecoders(Clock clock) {
		OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
		decoders.setJwtValidatorFactory((registration) -> {
			JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
			timestamps.setClock(clock);
			OidcIdTokenValidator idToken = new OidcIdTokenValidator(registration);
			idToken.setClock(clock);
			return new DelegatingOAuth2TokenValidator<>(timestamps, idToken);
		});
		return decoders;
	}

	/** The registrations, by {@code client-name}, for the sign-in page's buttons. */
	List<ClientRegistration> providers() {
		return this.providers;
	}

	AuthenticationProvider authenticationProvider() {
		return this.authenticationProvider;
	}

	/** OAuth 2.0 Login and OIDC back-channel logout on the portal's chain; {@code signedIn} runs after a sign-in. */
	void applyTo(HttpSecurity http, AuthenticationSuccessHandler signedIn) {
		http.oauth2Login((login) -> login.loginPage("/login")
			.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(new ProviderTokensNotKept())
			.authorizationEndpoint((authorization) -> authorization.authorizationRequestResolver(this.requests))
			.oidcSessionRegistry(this.sessionRegistry)
			.successHandler(signedIn)
			.failureHandler(this.failureHandler))
			.oidcLogout((logout) -> logout.clientRegistrationRepository(this.registrations)
				.oidcSessionRegistry(this.sessionRegistry)
				.backChannel((backChannel) -> backChannel.logoutHandler(this.backChannel)));
	}

	/**
	 * After the portal session ends: for an OIDC sign-in, on to the provider's end-session endpoint (RP-initiated
	 * logout) when it has one; otherwise, and for local accounts, to {@code localTarget}.
	 */
	LogoutSuccessHandler logoutSuccessHandler(String localTarget) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(this.registrations);
		handler.setPostLogoutRedirectUri(this.postLogoutRedirectUri);
		handler.setDefaultTargetUrl(localTarget);
		return handler;
	}

}
