package dev.mfaportal.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.SealRefusedException;
import dev.mfaportal.kernel.Sealer;

/**
 * The employee's device list as IAM gave it when the form was shown, sealed into the form, so that the
 * submission need not ask IAM again before GetSessionToken: one AWS round trip less while the employee waits.
 * The seal opens only for the same employee and IAM user, and only for a few minutes; a serial it does not hold
 * (a device added since), a tampered or an expired seal falls back to asking IAM, so S6 holds either way.
 */
class DeviceListSeal {

	/** Long enough to type a code; a device removed meanwhile is refused by GetSessionToken itself. */
	static final Duration TTL = Duration.ofMinutes(10);

	// A new layout gets a new purpose, so seals of the old one are refused, not misread.
	private static final String PURPOSE = "own-devices";

	private final Sealer sealer;

	private final Clock clock;

	DeviceListSeal(Sealer sealer, Clock clock) {
		this.sealer = sealer;
		this.clock = clock;
	}

	String seal(Employee employee, List<String> serials) {
		return this.sealer.seal(PURPOSE, binding(employee), this.clock.instant().plus(TTL),
				String.join("\n", serials).getBytes(StandardCharsets.UTF_8));
	}

	/** @return the sealed serials, or {@code null} when there is no seal that opens for this employee now */
	@Nullable Set<String> open(Employee employee, @Nullable String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		try {
			String serials = new String(this.sealer.open(PURPOSE, binding(employee), token), StandardCharsets.UTF_8);
			return serials.isEmpty() ? Set.of() : Set.of(serials.split("\n"));
		}
		catch (SealRefusedException ex) {
			return null;
		}
	}

	private static String binding(Employee employee) {
		return employee.username() + "\n" + employee.iamUserName();
	}

}
