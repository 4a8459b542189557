package dev.mfaportal.guard;

import dev.mfaportal.kernel.AttemptsLeft;

/**
 * Checks that run before any AWS call that carries a one-time code.
 */
public interface CodeGuard {

	/**
	 * Checks the limits and, in the same atomic step, counts this attempt as if its code were wrong, so that
	 * concurrent requests cannot all pass the check before any of them is counted. The caller then either
	 * {@link #recordWrongCode records a wrong code} or {@link #release releases} the attempt.
	 * @throws TooManyAttemptsException when the employee or the source IP has had too many wrong codes
	 * (attempts in flight included) in the current window; the caller answers 429 and makes no AWS call, even
	 * with a correct code; nothing is counted then
	 */
	void ensureAllowed(String portalUser, String sourceIp);

	/**
	 * Counts one wrong code against the employee and the source IP: an attempt in flight for them becomes a
	 * wrong code, or, when there is none, a new one is counted.
	 */
	void recordWrongCode(String portalUser, String sourceIp);

	/** S32: wrong codes the employee and the source IP have left in the window, the lower of the two. */
	AttemptsLeft attemptsLeft(String portalUser, String sourceIp);

	/** Uncounts one attempt in flight for the employee and the source IP: its code was not wrong. */
	void release(String portalUser, String sourceIp);

	/**
	 * Marks {@code code} as used for {@code mfaSerial}. Only a keyed hash is kept, never the code.
	 * @throws CodeAlreadyUsedException when the portal has used that code for that device recently
	 */
	void claim(String mfaSerial, String code);

}
