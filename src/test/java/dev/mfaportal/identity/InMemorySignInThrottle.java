package dev.mfaportal.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-in throttle for web slices, which have no database: it counts failed sign-ins in memory with
 * the configured limit, and locks for the configured time. The security chain requires a throttle, so a
 * slice that imports {@link IdentityConfiguration} imports this too; the application has only the
 * PostgreSQL one.
 */
public class InMemorySignInThrottle implements SignInThrottle {

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	private final IdentityProperties properties;

	InMemorySignInThrottle(IdentityProperties properties) {
		this.properties = properties;
	}

	@Override
	public Optional<Instant> lockedUntil(String username) {
		return (this.failures.getOrDefault(username, 0) >= this.properties.signInAttempts())
				? Optional.of(Instant.now().plus(this.properties.signInLockout())) : Optional.empty();
	}

	@Override
	public Optional<Instant> begin(String username, String sourceIp) {
		return lockedUntil(username);
	}

	@Override
	public dev.mfaportal.kernel.AttemptsLeft attemptsLeft(String username, String sourceIp) {
		return new dev.mfaportal.kernel.AttemptsLeft(1, 15);
	}

		@Override
	public void recordFailure(String username, String sourceIp) {
		this.failures.merge(username, 1, Integer::sum);
	}

	@Override
	public void release(String username, String sourceIp) {
	}

	@Override
	public void reset(String username) {
		this.failures.remove(username);
	}

}
