package dev.mfaportal.guard;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * An in-memory {@link CodeGuard} for unit tests; the JDBC one has its own tests.
 */
public class FakeCodeGuard implements CodeGuard {

	public int wrongCodes;

	public boolean blocked;

	public int released;

	public final Set<String> claimed = new HashSet<>();

	@Override
	public void ensureAllowed(String portalUser, String sourceIp) {
		if (this.blocked) {
			throw new TooManyAttemptsException(Instant.now().plusSeconds(600));
		}
	}

	@Override
	public void recordWrongCode(String portalUser, String sourceIp) {
		this.wrongCodes++;
	}

	@Override
	public dev.mfaportal.kernel.AttemptsLeft attemptsLeft(String portalUser, String sourceIp) {
		return dev.mfaportal.kernel.AttemptsLeft.of(Math.max(0, 5 - this.wrongCodes), java.time.Duration.ofMinutes(15));
	}

	@Override
	public void release(String portalUser, String sourceIp) {
		this.released++;
	}

	@Override
	public void claim(String mfaSerial, String code) {
		if (!this.claimed.add(mfaSerial + "/" + code)) {
			throw new CodeAlreadyUsedException();
		}
	}

}
