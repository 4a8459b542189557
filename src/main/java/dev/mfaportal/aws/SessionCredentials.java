package dev.mfaportal.aws;

import java.time.Instant;

import dev.mfaportal.kernel.Secret;

/**
 * Temporary credentials from {@code GetSessionToken}. Only {@code accessKeyId} may be recorded.
 */
public record SessionCredentials(String accessKeyId, Secret secretAccessKey, Secret sessionToken,
		Instant expiration, String requestId) {
}
