package dev.mfaportal.identity;

import java.util.Set;

/**
 * The signed-in employee as every module sees them. {@code iamUserName} is the only IAM user any AWS
 * call made on their behalf may act on.
 *
 * @param username the portal login name
 * @param displayName how the portal greets them
 * @param iamUserName the IAM user mapped to this login
 * @param roles portal roles without the {@code ROLE_} prefix, e.g. {@code EMPLOYEE}, {@code ADMIN}
 */
public record Employee(String username, String displayName, String iamUserName, Set<String> roles) {

	public static final String ADMIN = "ADMIN";

	public Employee {
		roles = Set.copyOf(roles);
	}

	public boolean isAdmin() {
		return roles.contains(ADMIN);
	}

}
