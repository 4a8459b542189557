package dev.mfaportal.identity;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code portal.identity.roles}: the portal roles an OIDC sign-in gets, from the groups its provider lists in
 * the groups claim and from nothing else (S39).
 */
final class GroupRoles {

	private final Map<Role, Set<String>> groupsByRole;

	private final String groupsClaim;

	GroupRoles(Map<Role, Set<String>> groupsByRole, String groupsClaim) {
		this.groupsByRole = new EnumMap<>(Role.class);
		this.groupsByRole.putAll(groupsByRole);
		this.groupsClaim = groupsClaim;
	}

	/** Role names, without {@code ROLE_}; empty when the person is in no group that grants one. */
	Set<String> rolesOf(Map<String, Object> claims) {
		Set<String> groups = groups(claims.get(this.groupsClaim));
		Set<String> roles = new TreeSet<>();
		for (Role role : Role.values()) {
			Set<String> granting = this.groupsByRole.getOrDefault(role, Set.of());
			boolean everyone = role == Role.EMPLOYEE && granting.isEmpty();
			if (everyone || granting.stream().anyMatch(groups::contains)) {
				roles.add(role.name());
			}
		}
		return roles;
	}

	/** Providers send a list, or a single group as text. */
	private static Set<String> groups(Object claim) {
		Set<String> groups = new TreeSet<>();
		if (claim instanceof Collection<?> values) {
			values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(groups::add);
		}
		else if (claim instanceof String value) {
			groups.add(value);
		}
		return groups;
	}

}
