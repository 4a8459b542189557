package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * How the sandbox checks one-time codes against a device. AWS documents no window, so it does what clients
 * tested against real AWS observe: one step either side (plus the learnt drift) for a single code, a wider search for
 * two consecutive codes (Enable, Resync) which then sets the drift, and no step at or before the last
 * one the device accepted (a used code is refused).
 */
final class CodeChecker {

	static final int SINGLE_CODE_WINDOW = 1;

	/** Ten minutes either side for a pair: late codes still link the device, AWS says, just out of sync. */
	static final int PAIR_WINDOW = 20;

	private CodeChecker() {
	}

	/** Accepts one code (GetSessionToken) and records its step as used; false when refused. */
	static boolean acceptSingle(IamState.Device device, String code, Instant now) {
		long centre = Totp.step(now) + device.driftSteps;
		for (long step = centre - SINGLE_CODE_WINDOW; step <= centre + SINGLE_CODE_WINDOW; step++) {
			if (step > device.lastAcceptedStep && Totp.code(device.seed, step).equals(code)) {
				device.lastAcceptedStep = step;
				return true;
			}
		}
		return false;
	}

	/** Accepts two consecutive codes (Enable, Resync), learning the drift; false when refused. */
	static boolean acceptPair(IamState.Device device, String code1, String code2, Instant now) {
		if (code1.equals(code2)) {
			return false;
		}
		OptionalLong match = findPair(device, code1, code2, Totp.step(now));
		if (match.isEmpty()) {
			return false;
		}
		long second = match.getAsLong() + 1;
		device.lastAcceptedStep = second;
		device.driftSteps = second - Totp.step(now);
		return true;
	}

	private static OptionalLong findPair(IamState.Device device, String code1, String code2, long nowStep) {
		for (int distance = 0; distance <= PAIR_WINDOW; distance++) {
			for (long step : new long[] { nowStep - 1 - distance, nowStep - 1 + distance }) {
				if (step > device.lastAcceptedStep && Totp.code(device.seed, step).equals(code1)
						&& Totp.code(device.seed, step + 1).equals(code2)) {
					return OptionalLong.of(step);
				}
			}
		}
		return OptionalLong.empty();
	}

}
