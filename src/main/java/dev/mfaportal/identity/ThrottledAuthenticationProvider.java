package dev.mfaportal.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * Checks the throttle before the password, so a locked login is refused even with the right password
 * (S13), counts wrong passwords, and forgets them after a successful sign-in.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		if (this.throttle.lockedUntil(username).isPresent()) {
			throw new LockedException("Too many failed sign-ins");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.reset(username);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.recordFailure(username);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
