package dev.mfaportal.identity;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After a sign-in: remember when it happened (absolute timeout, re-authentication window), then continue
 * to the page that was asked for, but only if it is on the portal (S12).
 */
class SignInSuccessHandler implements AuthenticationSuccessHandler {

	static final String CONTINUE_PARAMETER = "continue";

	private final RequestCache requestCache;

	private final Clock clock;

	SignInSuccessHandler(RequestCache requestCache, Clock clock) {
		this.requestCache = requestCache;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		HttpSession session = request.getSession();
		SignInTimes.signedIn(session, this.clock.instant());
		session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		String target = target(request, response);
		this.requestCache.removeRequest(request, response);
		response.sendRedirect(target);
	}

	private String target(HttpServletRequest request, HttpServletResponse response) {
		String asked = request.getParameter(CONTINUE_PARAMETER);
		if (asked != null) {
			return LocalPaths.orHome(asked);
		}
		// The saved URL carries whatever Host header the browser sent; keep only its path.
		SavedRequest saved = this.requestCache.getRequest(request, response);
		return (saved != null) ? LocalPaths.pathOf(saved.getRedirectUrl()) : LocalPaths.HOME;
	}

}
