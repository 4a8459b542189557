package dev.mfaportal.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * {@code portal.identity.oidc.required-acr} / {@code required-amr}: whether a sign-in at the identity provider
 * used multi-factor authentication, as its ID token says. A sign-in that did not may look around but neither
 * enroll a device nor get credentials; local accounts (demo, break-glass) are outside this rule.
 */
final class IdpMfa {

	private final Set<String> acr;

	private final Set<String> amr;

	IdpMfa(Set<String> acr, Set<String> amr) {
		this.acr = Set.copyOf(acr);
		this.amr = Set.copyOf(amr);
	}

	boolean required() {
		return !this.acr.isEmpty() || !this.amr.isEmpty();
	}

	/** True when nothing is required, or the {@code acr} is one required or the {@code amr} names one required. */
	boolean metBy(Map<String, Object> claims) {
		if (!required()) {
			return true;
		}
		boolean acrMet = claims.get("acr") instanceof String value && this.acr.contains(value);
		boolean amrMet = claims.get("amr") instanceof Collection<?> methods && methods.stream().anyMatch(this.amr::contains);
		return acrMet || amrMet;
	}

	/** For the security chain: refuses only an OIDC sign-in that did not meet the requirement. */
	static AuthorizationManager<RequestAuthorizationContext> requirement() {
		return (authentication, context) -> new AuthorizationDecision(
				!(authentication.get().getPrincipal() instanceof SignedInOidcUser user) || user.mfaAtSignIn());
	}

}
