package dev.mfaportal.identity;

import java.util.Optional;

/**
 * The one place that maps a portal login to an employee and their IAM user. Local accounts implement it
 * today; an OIDC login can provide another implementation without touching any caller.
 */
public interface EmployeeDirectory {

	/** The employee signed in as {@code username}, or empty when the login is not (or no longer) known. */
	Optional<Employee> findByUsername(String username);

}
