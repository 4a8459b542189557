package dev.mfaportal.identity;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The authorization requests the portal sends to a provider: Spring Security's (state, nonce) with PKCE for every
 * client, where Spring Security adds it only for public ones; {@code acr_values} asking for the required
 * assurance, so a provider that can step up does; and, when the person confirms who they are before a sensitive
 * action, {@code prompt=login} and {@code max_age=0}, so the provider asks again instead of reusing its session.
 */
final class AuthorizationRequests implements OAuth2AuthorizationRequestResolver {

	/** On {@code /oauth2/authorization/{id}}: this sign-in confirms a signed-in person again. */
	static final String REAUTHENTICATE_PARAMETER = "reauthenticate";

	private final DefaultOAuth2AuthorizationRequestResolver requests;

	AuthorizationRequests(ClientRegistrationRepository registrations, Set<String> requiredAcr) {
		this.requests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		this.requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
			.andThen((request) -> {
				if (!requiredAcr.isEmpty()) {
					request.additionalParameters((parameters) -> parameters.put("acr_values", String.join(" ", requiredAcr)));
				}
			}));
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return again(request, this.requests.resolve(request));
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return again(request, this.requests.resolve(request, clientRegistrationId));
	}

	private static OAuth2AuthorizationRequest again(HttpServletRequest request, OAuth2AuthorizationRequest resolved) {
		if (resolved == null || request.getParameter(REAUTHENTICATE_PARAMETER) == null) {
			return resolved;
		}
		return OAuth2AuthorizationRequest.from(resolved)
			.additionalParameters(Map.of("prompt", "login", "max_age", "0"))
			.build();
	}

}
