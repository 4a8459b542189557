package dev.mfaportal.idp;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The Spring application of the demo identity provider: Spring Authorization Server with OpenID Connect, its own
 * login page, the demo users, and the portal as its one client (confidential, PKCE required, no consent screen).
 * Deliberately not a {@code @Configuration}: the portal's component scan covers this package in the demo and must
 * not pick up a second application's security chains.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
		OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class })
class DemoIdentityProviderServer {

	/** The portal wherever it runs on this machine: tests and the demo pick their own ports. */
	private static final Pattern PORTAL = Pattern.compile("http://(localhost|127\\.0\\.0\\.1):\\d{1,5}");

	private static final Pattern PORTAL_CALLBACK = Pattern
		.compile(PORTAL.pattern() + "/login/oauth2/code/" + DemoIdentityProvider.REGISTRATION_ID);

	private static final Pattern PORTAL_SIGNED_OUT = Pattern.compile(PORTAL.pattern() + "/login\\?logout");

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.authorizationEndpoint((endpoint) -> endpoint.authenticationProviders(
					(providers) -> providers.forEach(DemoIdentityProviderServer::acceptPortalCallbacks)))
				.oidc((oidc) -> oidc.logoutEndpoint((logout) -> logout.authenticationProviders(
						(providers) -> providers.forEach(DemoIdentityProviderServer::acceptPortalSignedOutPages))));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http) {
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	RegisteredClientRepository registeredClients() {
		RegisteredClient portal = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(DemoIdentityProvider.CLIENT_ID)
			.clientSecret("{noop}" + DemoIdentityProvider.CLIENT_SECRET)
			.clientName("MFA Portal")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri("http://127.0.0.1:8080/login/oauth2/code/" + DemoIdentityProvider.REGISTRATION_ID)
			.postLogoutRedirectUri("http://127.0.0.1:8080/login?logout")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.build();
		return new InMemoryRegisteredClientRepository(portal);
	}

	@Bean
	InMemoryUserDetailsManager demoUsers() {
		List<org.springframework.security.core.userdetails.UserDetails> users = DemoUsers.ALL.stream()
			.map((user) -> User.withUsername(user.username()).password("{noop}" + user.username()).roles("USER").build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	DemoClaims demoClaims() {
		return new DemoClaims();
	}

	/** Redirect URIs: the portal's callback on any local port, besides the registered ones. */
	private static void acceptPortalCallbacks(Object provider) {
		if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
			Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirectUri = (context) -> {
				OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
				String requested = request.getRedirectUri();
				if (requested == null || !PORTAL_CALLBACK.matcher(requested).matches()) {
					OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
				}
			};
			codeRequests.setAuthenticationValidator(
					redirectUri.andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR));
		}
	}

	/** Post-logout redirect URIs: the portal's signed-out page on any local port. */
	private static void acceptPortalSignedOutPages(Object provider) {
		if (provider instanceof OidcLogoutAuthenticationProvider logouts) {
			Consumer<OidcLogoutAuthenticationContext> postLogout = (context) -> {
				OidcLogoutAuthenticationToken logout = context.getAuthentication();
				String requested = logout.getPostLogoutRedirectUri();
				if (requested == null || !PORTAL_SIGNED_OUT.matcher(requested).matches()) {
					OidcLogoutAuthenticationValidator.DEFAULT_POST_LOGOUT_REDIRECT_URI_VALIDATOR.accept(context);
				}
			};
			logouts.setAuthenticationValidator(postLogout);
		}
	}

}
