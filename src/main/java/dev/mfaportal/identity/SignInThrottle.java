package dev.mfaportal.identity;

import java.time.Instant;
import java.util.Optional;

import dev.mfaportal.kernel.AttemptsLeft;

/**
 * Counts failed sign-ins per login and per source address and refuses further attempts for a while after too
 * many (S13). The count must be shared by every portal instance, so it lives in PostgreSQL. A security
 * control: without this bean the portal does not start.
 */
interface SignInThrottle {

	/** When {@code username} may try again, or empty when it may try now; counts nothing. */
	Optional<Instant> lockedUntil(String username);

	/**
	 * Checks the limits of the login and of the address and, in the same atomic step, counts this attempt as a
	 * failure in flight, so that parallel guesses cannot all pass the check. The caller then records a failure,
	 * resets the login, or releases the attempt.
	 * @return when the attempt may be made again, or empty when it is allowed (and counted)
	 */
	Optional<Instant> begin(String username, String sourceIp);

	/** S32: failures the login and the address have left before the pause, the lower of the two; counts nothing. */
	AttemptsLeft attemptsLeft(String username, String sourceIp);

	/**
	 * S32 after a wrong password, for the page that answers it: what is left, or empty when nothing is, and the
	 * page shows the lockout instead. The sign-in page and the "confirm it's you" page decide alike.
	 */
	default Optional<AttemptsLeft> leftAfterWrongPassword(String username, String sourceIp) {
		return Optional.of(attemptsLeft(username, sourceIp)).filter((left) -> left.left() > 0);
	}

	/** Counts a wrong password: the attempt in flight becomes a failure, or a new failure is counted. */
	void recordFailure(String username, String sourceIp);

	/** Uncounts an attempt in flight that ended without a verdict on the password. */
	void release(String username, String sourceIp);

	/** Forgets the failures of {@code username} after it proved its password. */
	void reset(String username);

}
