package dev.mfaportal.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * The password check shared by sign-in and re-authentication. It asks the throttle before the password, so
 * a locked login is refused even with the right password (S13), counts wrong passwords, and forgets them
 * after a success.
 * <p>
 * Deliberately not an {@link AuthenticationProvider} bean: Spring Security would then build its global
 * authentication manager from it. The chain wraps it with {@link #asProvider()} instead.
 */
class SignInPasswords {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	SignInPasswords(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		if (this.throttle.lockedUntil(username).isPresent()) {
			throw new LockedException("Too many failed sign-ins");
		}
		try {
			Authentication result = this.passwords.authenticate(attempt);
			this.throttle.reset(username);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.recordFailure(username);
			throw ex;
		}
	}

	AuthenticationProvider asProvider() {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				return SignInPasswords.this.authenticate(authentication);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return SignInPasswords.this.passwords.supports(authentication);
			}

		};
	}

}
