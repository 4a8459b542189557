package dev.mfaportal.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import dev.mfaportal.kernel.AttemptsLeft;

/**
 * Where a failed local sign-in lands. A wrong password shows the sign-in page again with how many tries are
 * left before the pause (S32), from the first wrong one on: five is few enough that a person should know early;
 * the count reveals nothing about which logins exist, as every typed name is counted alike. The try that
 * reaches the limit, and every try during the pause, shows the lockout message.
 */
final class SignInFailurePage implements AuthenticationFailureHandler {

	private final SignInThrottle throttle;

	SignInFailurePage(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String page = "/login?error";
		if (failure instanceof LockedException) {
			page = "/login?locked";
		}
		else if (failure instanceof BadCredentialsException) {
			Optional<AttemptsLeft> left = this.throttle.leftAfterWrongPassword(request.getParameter("username"),
					request.getRemoteAddr());
			if (left.isEmpty()) {
				page = "/login?locked";
			}
			else {
				// Kept for the next page only (LoginController takes it out): a link cannot make the page say it.
				request.getSession().setAttribute(AttemptsLeft.ATTRIBUTE, left.get());
			}
		}
		response.sendRedirect(request.getContextPath() + page);
	}

}
