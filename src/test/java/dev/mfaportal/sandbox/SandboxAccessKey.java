package dev.mfaportal.sandbox;

import java.time.Instant;

/**
 * A snapshot of one long-term access key in the sandbox account (never its secret).
 *
 * @param createdAt its CreateDate
 * @param usableFrom when requests signed with it start to be accepted (its creation plus the propagation delay)
 * @param lastUsedAt its last recorded use, or {@code null} if never used
 */
public record SandboxAccessKey(String accessKeyId, String userName, boolean active, Instant createdAt,
		Instant usableFrom, Instant lastUsedAt) {
}
