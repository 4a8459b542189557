package dev.mfaportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import dev.mfaportal.aws.AwsCallException;

/**
 * Retries GetSessionToken signed with a just-minted key while STS does not know the key yet. IAM is eventually
 * consistent: a new key is answered {@code InvalidClientTokenId} for some seconds, and STS says so before it
 * checks the MFA code, so the code is not spent and the same one may go again. Only that error code is retried,
 * with a doubling pause, and never past the budget: then the last refusal stands.
 */
class PropagationRetry {

	private static final Duration FIRST_PAUSE = Duration.ofMillis(250);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

	private final Duration budget;

	private final Clock clock;

	PropagationRetry(Duration budget, Clock clock) {
		this.budget = budget;
		this.clock = clock;
	}

	<T> T call(Supplier<T> getSessionToken) {
		Instant deadline = this.clock.instant().plus(this.budget);
		Duration pause = FIRST_PAUSE;
		while (true) {
			try {
				return getSessionToken.get();
			}
			catch (AwsCallException ex) {
				if (!"InvalidClientTokenId".equals(ex.errorCode())
						|| this.clock.instant().plus(pause).isAfter(deadline)) {
					throw ex;
				}
			}
			sleep(pause);
			pause = (pause.compareTo(LONGEST_PAUSE) < 0) ? pause.multipliedBy(2) : LONGEST_PAUSE;
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a minted key to propagate", ex);
		}
	}

}
