package dev.mfaportal.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in employee as every module sees them. {@code iamUserName} is the only IAM user any AWS
 * call made on their behalf may act on. Serializable: an OIDC sign-in keeps it in the session.
 *
 * @param username the portal login name
 * @param displayName how the portal greets them
 * @param iamUserName the IAM user mapped to this login
 * @param roles portal roles without the {@code ROLE_} prefix: {@code EMPLOYEE}, {@code HELPDESK},
 * {@code AUDITOR}, {@code ADMIN}
 */
public record Employee(String username, String displayName, String iamUserName,
		Set<String> roles) implements Serializable {

	public static final String EMPLOYEE = "EMPLOYEE";

	public static final String HELPDESK = "HELPDESK";

	public static final String AUDITOR = "AUDITOR";

	public static final String ADMIN = "ADMIN";

	/** The roles that may use the self-service pages (their devices, their credentials): not an auditor alone. */
	public static final Set<String> SELF_SERVICE_ROLES = Set.of(EMPLOYEE, HELPDESK, ADMIN);

	public Employee {
		roles = Set.copyOf(roles);
	}

	public boolean isAdmin() {
		return roles.contains(ADMIN);
	}

	/** Whether they hold one of the {@link #SELF_SERVICE_ROLES}. */
	public boolean selfService() {
		return roles.stream().anyMatch(SELF_SERVICE_ROLES::contains);
	}

}
