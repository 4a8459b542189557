package dev.mfaportal.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The principal of an OIDC sign-in once the portal has mapped it: the employee (IAM user and roles decided at
 * sign-in by {@link IamUserMapping} and {@link GroupRoles}), and whether the provider said it used MFA. It lives
 * in the session (PostgreSQL), so it is serializable like the {@link DefaultOidcUser} it extends.
 */
final class SignedInOidcUser extends DefaultOidcUser {

	private static final long serialVersionUID = 1L;

	private final Employee employee;

	private final String registrationId;

	private final String providerName;

	private final boolean mfaAtSignIn;

	SignedInOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
			String nameAttributeKey, Employee employee, ClientRegistration registration, boolean mfaAtSignIn) {
		super(authorities, idToken, userInfo, nameAttributeKey);
		this.employee = employee;
		this.registrationId = registration.getRegistrationId();
		this.providerName = registration.getClientName();
		this.mfaAtSignIn = mfaAtSignIn;
	}

	Employee employee() {
		return this.employee;
	}

	/** The client registration the person signed in with, e.g. {@code entra}. */
	String registrationId() {
		return this.registrationId;
	}

	/** The registration's {@code client-name}, as the sign-in page names the provider. */
	String providerName() {
		return this.providerName;
	}

	/** True when the provider's ID token met {@code required-acr}/{@code required-amr}, or none is set. */
	boolean mfaAtSignIn() {
		return this.mfaAtSignIn;
	}

}
