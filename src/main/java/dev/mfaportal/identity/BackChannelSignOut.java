package dev.mfaportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.SessionRepository;

/**
 * OIDC back-channel logout: the provider posts a logout token (signature, issuer, audience and events checked by
 * Spring Security's filter before this runs) and every portal session it names is deleted from PostgreSQL, so it
 * ends on every instance at once. Spring Security's default handler instead posts back to the portal with the
 * session id as a cookie, which Spring Session (Base64-encoded cookie) does not recognise.
 */
final class BackChannelSignOut implements LogoutHandler {

	private final JdbcOidcSessionRegistry registry;

	private final SessionRepository<?> sessions;

	private final ApplicationEventPublisher events;

	BackChannelSignOut(JdbcOidcSessionRegistry registry, SessionRepository<?> sessions, ApplicationEventPublisher events) {
		this.registry = registry;
		this.sessions = sessions;
		this.events = events;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
			return;
		}
		// The back-channel logout specification asks for an uncacheable answer.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String provider = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
		String username = null;
		int ended = 0;
		for (OidcSessionInformation session : this.registry.removeSessionInformation(token)) {
			this.sessions.deleteById(session.getSessionId());
			username = session.getPrincipal().getName();
			ended++;
		}
		this.events.publishEvent(new SignedOutByProviderEvent(provider, username, ended));
	}

}
