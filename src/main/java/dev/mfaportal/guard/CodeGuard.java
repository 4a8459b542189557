package dev.mfaportal.guard;

/**
 * Checks that run before any AWS call that carries a one-time code.
 */
public interface CodeGuard {

	/**
	 * @throws TooManyAttemptsException when the employee or the source IP has had too many wrong codes
	 * in the current window; the caller answers 429 and makes no AWS call, even with a correct code
	 */
	void ensureAllowed(String portalUser, String sourceIp);

	/** Counts one wrong code against the employee and the source IP. */
	void recordWrongCode(String portalUser, String sourceIp);

	/**
	 * Marks {@code code} as used for {@code mfaSerial}. Only a keyed hash is kept, never the code.
	 * @throws CodeAlreadyUsedException when the portal has used that code for that device recently
	 */
	void claim(String mfaSerial, String code);

}
