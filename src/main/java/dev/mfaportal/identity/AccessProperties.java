package dev.mfaportal.identity;

import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which ways of signing in are on, and which identity-provider groups give which portal role.
 *
 * @param localAccounts the accounts under {@code portal.identity.accounts}: the demo, and break-glass
 * @param roles for each role, the groups (values of the groups claim) that grant it; a role without groups is
 * granted to nobody, except {@code EMPLOYEE}, which then goes to everyone whose sign-in maps to an IAM user
 */
@Validated
@ConfigurationProperties("portal.identity")
record AccessProperties(@Valid @DefaultValue LocalAccounts localAccounts,
		@NotNull @DefaultValue Map<Role, Set<String>> roles) {

	/**
	 * @param enabled whether the sign-in form accepts local accounts; off, the sign-in page leads to the
	 * identity provider(s) only
	 */
	record LocalAccounts(@DefaultValue("true") boolean enabled) {
	}

}
