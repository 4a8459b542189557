package dev.mfaportal.enrollment;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dev.mfaportal.guard.CodeAlreadyUsedException;
import dev.mfaportal.guard.CodeGuard;
import dev.mfaportal.guard.TooManyAttemptsException;

/**
 * An in-memory {@link CodeGuard} for unit tests; the JDBC one has its own tests.
 */
class FakeCodeGuard implements CodeGuard {

	int wrongCodes;

	boolean blocked;

	final Set<String> claimed = new HashSet<>();

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
	public void claim(String mfaSerial, String code) {
		if (!this.claimed.add(mfaSerial + "/" + code)) {
			throw new CodeAlreadyUsedException();
		}
	}

}
