package dev.mfaportal.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins per login and refuses further attempts for a while after too many (S13). The
 * count must be shared by every portal instance, so it lives in PostgreSQL. A security control: without
 * this bean the portal does not start.
 */
interface SignInThrottle {

	/** When {@code username} may try again, or empty when it may try now. */
	Optional<Instant> lockedUntil(String username);

	void recordFailure(String username);

	/** Forgets the failures of {@code username} after it proved its password. */
	void reset(String username);

}
