package dev.mfaportal.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserSource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

import dev.mfaportal.identity.IamUserLookup.IamUser;
import dev.mfaportal.identity.SignInRefusal.Reason;

/**
 * Turns a verified OIDC sign-in (ID token checked by Spring Security: signature, issuer, audience, expiry, nonce)
 * into the portal's principal: who the person is, the IAM user they act on, their roles, and whether they used
 * MFA at the provider. Plugged into Spring Security's {@code OidcUserService}, after its user-info checks.
 */
final class OidcSignInMapper implements Converter<OidcUserSource, OidcUser> {

	private final IamUserMapping iamUsers;

	private final GroupRoles roles;

	private final IdpMfa mfa;

	OidcSignInMapper(IamUserMapping iamUsers, GroupRoles roles, IdpMfa mfa) {
		this.iamUsers = iamUsers;
		this.roles = roles;
		this.mfa = mfa;
	}

	@Override
	public OidcUser convert(OidcUserSource source) {
		OidcUserRequest request = source.getUserRequest();
		ClientRegistration registration = request.getClientRegistration();
		OidcUserInfo userInfo = source.getUserInfo();
		Map<String, Object> claims = claims(request, userInfo);
		String nameAttribute = nameAttribute(registration);
		if (!(claims.get(nameAttribute) instanceof String username) || username.isBlank()) {
			throw new SignInRefusal(Reason.MISSING_CLAIM, null, null,
					"The ID token lacks " + nameAttribute + ", the provider's user-name-attribute");
		}
		IamUser iamUser = this.iamUsers.map(claims, username);
		Set<String> granted = this.roles.rolesOf(claims);
		if (granted.isEmpty()) {
			throw new SignInRefusal(Reason.NO_ROLE, username, iamUser.name(), "No group of " + username + " gives a role");
		}
		String displayName = (claims.get(StandardClaimNames.NAME) instanceof String name && !name.isBlank()) ? name
				: username;
		Employee employee = new Employee(username, displayName, iamUser.name(), granted);
		List<GrantedAuthority> authorities = granted.stream()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		return new SignedInOidcUser(authorities, request.getIdToken(), userInfo, nameAttribute, employee,
				registration, this.mfa.metBy(claims));
	}

	/** As Spring Security merges them: the ID token's claims win over user info's. */
	private static Map<String, Object> claims(OidcUserRequest request, OidcUserInfo userInfo) {
		Map<String, Object> claims = new HashMap<>();
		if (userInfo != null) {
			claims.putAll(userInfo.getClaims());
		}
		claims.putAll(request.getIdToken().getClaims());
		return claims;
	}

	private static String nameAttribute(ClientRegistration registration) {
		String configured = registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName();
		return StringUtils.hasText(configured) ? configured : StandardClaimNames.SUB;
	}

}
