package dev.mfaportal.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portal.identity.roles}: roles from the provider's groups claim and nothing else (S39).
 */
class GroupRolesTests {

	private final GroupRoles roles = new GroupRoles(Map.of(Role.HELPDESK, Set.of("it-support"), Role.ADMIN,
			Set.of("portal-admins", "security"), Role.AUDITOR, Set.of()), "groups");

	@Test
	void rolesOfWhenInAGroupThenItsRoleAndEveryoneIsAnEmployee() {
		assertThat(this.roles.rolesOf(Map.of("groups", List.of("staff", "it-support")))).containsExactly("EMPLOYEE",
				"HELPDESK");
		assertThat(this.roles.rolesOf(Map.of("groups", List.of("security")))).containsExactly("ADMIN", "EMPLOYEE");
	}

	@Test
	void rolesOfWhenNoGroupsOrARoleWithoutGroupsThenOnlyEmployee() {
		assertThat(this.roles.rolesOf(Map.of())).containsExactly("EMPLOYEE");
		assertThat(this.roles.rolesOf(Map.of("groups", List.of("auditors")))).containsExactly("EMPLOYEE");
	}

	@Test
	void rolesOfWhenTheGroupsClaimIsOneTextThenThatGroup() {
		assertThat(this.roles.rolesOf(Map.of("groups", "it-support"))).contains("HELPDESK");
	}

	@Test
	void rolesOfWhenEmployeesAreAGroupTooThenOthersGetNoRole() {
		GroupRoles staffOnly = new GroupRoles(Map.of(Role.EMPLOYEE, Set.of("staff")), "roles");
		assertThat(staffOnly.rolesOf(Map.of("roles", List.of("staff")))).containsExactly("EMPLOYEE");
		assertThat(staffOnly.rolesOf(Map.of("roles", List.of("contractors")))).isEmpty();
		assertThat(staffOnly.rolesOf(Map.of("groups", List.of("staff")))).as("another claim").isEmpty();
	}

}
