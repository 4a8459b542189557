package dev.mfaportal.identity;

/**
 * Published when an identity provider's back-channel logout ended portal sessions.
 *
 * @param provider the client registration id
 * @param username the portal login whose sessions ended, or {@code null} when none matched
 * @param sessions how many sessions ended
 */
public record SignedOutByProviderEvent(String provider, String username, int sessions) {
}
