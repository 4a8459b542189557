package dev.mfaportal.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins per login and refuses further attempts for a while after too many (S13). The
 * count must be shared by every portal instance, so the real one lives in PostgreSQL.
 */
interface SignInThrottle {

	/** No throttling: for web slices without a database. The application always has the real one. */
	SignInThrottle NONE = new SignInThrottle() {

		@Override
		public Optional<Instant> lockedUntil(String username) {
			return Optional.empty();
		}

		@Override
		public void recordFailure(String username) {
		}

		@Override
		public void reset(String username) {
		}

	};

	/** When {@code username} may try again, or empty when it may try now. */
	Optional<Instant> lockedUntil(String username);

	void recordFailure(String username);

	/** Forgets the failures of {@code username} after it proved its password. */
	void reset(String username);

}
