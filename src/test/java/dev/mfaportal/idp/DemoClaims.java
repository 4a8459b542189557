package dev.mfaportal.idp;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts each demo user's claims into their ID token, remembers the last nonce and sid it carried, and lets a test tamper
 * with the next ID token once (another issuer, audience, expiry, nonce, a claim left out): the refusals the
 * portal must make are then proven against tokens signed with the provider's real key.
 */
final class DemoClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final AtomicReference<Consumer<JwtClaimsSet.Builder>> nextIdToken = new AtomicReference<>();

	private final AtomicReference<String> lastNonce = new AtomicReference<>();

	private final AtomicReference<String> lastSid = new AtomicReference<>();

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		JwtClaimsSet.Builder claims = context.getClaims();
		DemoUsers.find(context.getPrincipal().getName())
			.ifPresent((user) -> claims.claims((all) -> all.putAll(user.claims())));
		claims.claims((all) -> {
			this.lastNonce.set((String) all.get("nonce"));
			this.lastSid.set((String) all.get("sid"));
		});
		Consumer<JwtClaimsSet.Builder> tamper = this.nextIdToken.getAndSet(null);
		if (tamper != null) {
			tamper.accept(claims);
		}
	}

	void tamperWithNextIdToken(Consumer<JwtClaimsSet.Builder> tamper) {
		this.nextIdToken.set(tamper);
	}

	String lastNonce() {
		return this.lastNonce.get();
	}

	/** The provider session ({@code sid}) the last ID token named. */
	String lastSid() {
		return this.lastSid.get();
	}

	void reset() {
		this.nextIdToken.set(null);
	}

}
