package dev.mfaportal.identity;

/**
 * Published when a sign-in at an identity provider did not let the person in: the exchange with the provider
 * failed its checks (state, nonce, ID token issuer, audience, expiry, ...), or the person is not mapped to an
 * IAM user the portal may act on. Never carries a token.
 *
 * @param provider the client registration id, e.g. {@code entra}
 * @param reason an OAuth 2.0 error code, or the portal's own (e.g. {@code iam_user_not_found})
 * @param username the provider's name for the person, when the ID token was good enough to name them
 * @param iamUser the IAM user the claims named, when they named one
 * @param description what exactly was wrong, for support
 */
public record SignInRefusedEvent(String provider, String reason, String username, String iamUser,
		String description) {
}
