package dev.mfaportal.identity;

import java.util.Optional;

/**
 * Asks IAM about the user an OIDC sign-in maps to: whether it exists and under which path. Identity needs
 * the answer but must not talk to AWS itself, so the {@code aws} module implements this.
 */
public interface IamUserLookup {

	/**
	 * The IAM user called {@code name}, or empty when there is none. IAM compares user names without regard to
	 * case, so the answer carries IAM's own spelling.
	 * @throws IamLookupFailedException when IAM could not answer (unavailable, refused the portal's identity)
	 */
	Optional<IamUser> find(String name);

	/**
	 * An IAM user as the mapping checks it.
	 *
	 * @param name the user name as IAM spells it
	 * @param path its IAM path, {@code /} or e.g. {@code /employees/}
	 */
	record IamUser(String name, String path) {
	}

}
