package dev.mfaportal.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout when the signed-in person's identity-provider sign-in lacked the required MFA, so every page
 * says why enrolling a device and getting credentials are refused (see {@link IdpMfa}).
 */
@ControllerAdvice
class SignInNoticeAdvice {

	@ModelAttribute("mfaMissingAtSignIn")
	boolean mfaMissingAtSignIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInOidcUser user
				&& !user.mfaAtSignIn();
	}

}
