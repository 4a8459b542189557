package dev.mfaportal.identity;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sign-in with OpenID providers, on when {@code spring.security.oauth2.client.registration.*} names one. Kept out
 * of {@link IdentityConfiguration}, like the sign-in throttle, because it needs the database, Spring Session
 * and the {@code aws} module's {@link IamUserLookup}, which web slices of other modules do not have.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
@EnableConfigurationProperties(OidcProperties.class)
class OidcConfiguration {

	@Bean
	OidcLogin oidcLogin(ClientRegistrationRepository registrations, OidcProperties oidc, AccessProperties access,
			IdentityProperties identity, IamUserLookup iamUsers, JdbcClient jdbc,
			FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events, Clock clock) {
		OidcSignInMapper mapper = new OidcSignInMapper(
				new IamUserMapping(IamUserRule.parse(oidc.iamUser()), oidc.iamPath(), iamUsers),
				new GroupRoles(access.roles(), oidc.groupsClaim()), new IdpMfa(oidc.requiredAcr(), oidc.requiredAmr()));
		JdbcOidcSessionRegistry registry = new JdbcOidcSessionRegistry(jdbc, sessions,
				identity.absoluteSessionTimeout(), clock);
		return new OidcLogin(registrations, new AuthorizationRequests(registrations, oidc.requiredAcr()), mapper, registry, new BackChannelSignOut(registry, sessions, events),
				new OidcSignInFailureHandler(events), oidc.postLogoutRedirectUri(), clock);
	}

}
