package dev.mfaportal.identity;

/**
 * Published when a request was refused for its CSRF token (S42), so that audit records it as it records
 * other refused requests; the token itself is never part of it.
 *
 * @param username who was signed in, or {@code null} for a visitor
 * @param method the request's method
 * @param path the request's path, as sent
 * @param problem {@code missing} (the session holds no token, e.g. it ended) or {@code invalid} (no token where
 * one counts, or not the session's token)
 */
public record CsrfRefusedEvent(String username, String method, String path, String problem) {
}
