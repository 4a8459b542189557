package dev.mfaportal.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a sign-in at an OpenID provider (the registrations under {@code spring.security.oauth2.client}) becomes
 * an employee. The same rules apply to every provider.
 *
 * @param iamUser the rule that names the IAM user from the ID token's claims: <code>{claim}</code> placeholders,
 * each optionally followed by {@code :local-part} (the part before {@code @}) and/or {@code :lower}, among
 * literal text, e.g. <code>{preferred_username}</code> or <code>{email:local-part}</code>
 * @param iamPath when set, the IAM user must live under this path (e.g. {@code /employees/}); empty allows any
 * @param groupsClaim the claim listing the person's groups, which {@code portal.identity.roles} maps to roles
 * @param requiredAcr when not empty, the ID token's {@code acr} must be one of these for the sign-in to count
 * as multi-factor
 * @param requiredAmr when not empty, the ID token's {@code amr} must contain one of these (e.g. {@code mfa})
 * @param postLogoutRedirectUri where the provider sends the browser after signing out there; register it with
 * the provider. <code>{baseUrl}</code> is the portal's address as the request reached it
 */
@Validated
@ConfigurationProperties("portal.identity.oidc")
record OidcProperties(@NotBlank @DefaultValue("{preferred_username}") String iamUser,
		@Pattern(regexp = "(/[\\x21-\\x7E&&[^/]]+)*/") String iamPath, @NotBlank @DefaultValue("groups") String groupsClaim,
		@NotNull @DefaultValue Set<String> requiredAcr, @NotNull @DefaultValue Set<String> requiredAmr,
		@NotBlank @DefaultValue("{baseUrl}/login?logout") String postLogoutRedirectUri) {

	boolean requiresMfa() {
		return !this.requiredAcr.isEmpty() || !this.requiredAmr.isEmpty();
	}

}
