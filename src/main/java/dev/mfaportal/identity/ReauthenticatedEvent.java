package dev.mfaportal.identity;

import java.time.Instant;

/**
 * Published when a signed-in employee confirmed their password again before a sensitive action. A wrong
 * password is published as Spring Security's {@code AuthenticationFailureBadCredentialsEvent} instead.
 *
 * @param username the portal login
 * @param at when the password was confirmed
 */
public record ReauthenticatedEvent(String username, Instant at) {
}
