package dev.mfaportal.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Who a portal login is: the employee and their IAM user. Local accounts are looked up by name; an OIDC sign-in
 * was mapped once, at sign-in ({@link IamUserMapping}), and carries its employee in its principal.
 */
public interface EmployeeDirectory {

	/** The local account's employee signed in as {@code username}, or empty when not (or no longer) known. */
	Optional<Employee> findByUsername(String username);

	/** The employee an authentication stands for, never anything a request says. */
	default Optional<Employee> of(Authentication authentication) {
		if (authentication.getPrincipal() instanceof SignedInOidcUser user) {
			return Optional.of(user.employee());
		}
		return findByUsername(authentication.getName());
	}

}
