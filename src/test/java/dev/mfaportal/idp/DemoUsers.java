package dev.mfaportal.idp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people of the demo identity provider. Passwords equal the names, as for the local demo accounts. The
 * portal's test configuration maps {@code email}'s local part to the IAM user, requires {@code mfa} in
 * {@code amr} and grants roles from {@code groups}; so alice and bob are employees, helpdesk, auditor and admin
 * (IAM user {@code it.admin}: the sandbox's {@code admin} lives outside {@code /employees/}) have their roles,
 * dave signed in without MFA, and carol is a contractor outside the employees' IAM path.
 */
final class DemoUsers {

	static final List<DemoUser> ALL = List.of(
			new DemoUser("alice", "Alice Example", "alice@example.com", List.of("employees"), true),
			new DemoUser("bob", "Bob Example", "bob@example.com", List.of("employees"), true),
			new DemoUser("helpdesk", "Hana Helpdesk", "helpdesk@example.com", List.of("employees", "portal-helpdesk"), true),
			new DemoUser("auditor", "Aki Auditor", "auditor@example.com", List.of("employees", "portal-auditors"), true),
			new DemoUser("admin", "Portal Admin", "it.admin@example.com", List.of("employees", "portal-admins"), true),
			new DemoUser("dave", "Dave NoMfa", "dave@example.com", List.of("employees"), false),
			new DemoUser("carol", "Carol Contractor", "carol@contractor.example", List.of("contractors"), true));

	private DemoUsers() {
	}

	/** The sandbox IAM users these people map to besides alice and bob, who are there from the start. */
	static final Map<String, String> IAM_USERS = Map.of("helpdesk", "/employees/", "auditor", "/employees/",
			"it.admin", "/employees/", "dave", "/employees/", "carol", "/contractors/");

	static Optional<DemoUser> find(String username) {
		return ALL.stream().filter((user) -> user.username().equals(username)).findFirst();
	}

	/**
	 * One person.
	 *
	 * @param username their login at the provider, also the {@code preferred_username} claim
	 * @param name the {@code name} claim
	 * @param email the {@code email} claim
	 * @param groups the {@code groups} claim
	 * @param mfa whether the provider says they used MFA ({@code amr} {@code [pwd, mfa]}, else {@code [pwd]})
	 */
	record DemoUser(String username, String name, String email, List<String> groups, boolean mfa) {

		Map<String, Object> claims() {
			return Map.of("preferred_username", this.username, "name", this.name, "email", this.email,
					"email_verified", true, "groups", this.groups, "amr",
					this.mfa ? List.of("pwd", "mfa") : List.of("pwd"));
		}

	}

}
