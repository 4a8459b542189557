package dev.mfaportal.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
		String sourceIp = sourceIp(attempt);
		if (this.throttle.begin(username, sourceIp).isPresent()) {
			throw new LockedException("Too many failed sign-ins");
		}
		boolean settled = false;
		try {
			Authentication result = this.passwords.authenticate(attempt);
			this.throttle.reset(username);
			settled = true;
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.recordFailure(username, sourceIp);
			settled = true;
			throw ex;
		}
		finally {
			if (!settled) {
				this.throttle.release(username, sourceIp);
			}
		}
	}

	/** The sign-in form's address from the details; re-authentication's from the current request. */
	private static String sourceIp(Authentication attempt) {
		if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
			return details.getRemoteAddress();
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return request.getRequest().getRemoteAddr();
		}
		return "";
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
