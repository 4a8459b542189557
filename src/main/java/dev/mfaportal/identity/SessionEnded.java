package dev.mfaportal.identity;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * A request that arrives after its session ended (idle timeout, the absolute limit, a restart that lost it)
 * goes to the sign-in page with "your session ended", and after sign-in, local or with a provider, back to
 * the page the person was on. A form posted into an ended session is not replayed: the page it was posted
 * from is remembered by its address only, never with the form's fields (codes, keys), and a GET of a form's
 * address leads to its page. Requests without a session, or with a live one, are answered as before.
 */
class SessionEnded implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String EXPIRED_URL = "/login?expired";

	private final RequestCache requestCache;

	private final AuthenticationEntryPoint signIn;

	private final AccessDeniedHandler denied;

	/**
	 * @param signIn where a request without a session goes
	 * @param denied what answers every other refused request (the 403 page)
	 */
	SessionEnded(RequestCache requestCache, AuthenticationEntryPoint signIn, AccessDeniedHandler denied) {
		this.requestCache = requestCache;
		this.signIn = signIn;
		this.denied = denied;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		if (endedSession(request)) {
			ended(request, response);
			return;
		}
		this.signIn.commence(request, response, ex);
	}

	/** A form posted into an ended session carries a CSRF token that session held: no token is found for it. */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		if (ex instanceof MissingCsrfTokenException && endedSession(request)) {
			ended(request, response);
			return;
		}
		this.denied.handle(request, response, ex);
	}

	/** The session has ended (or the absolute limit just ended it): sign in again, then come back. */
	void ended(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if ("/logout".equals(request.getServletPath())) {
			// Signing out of a session that already ended: there is nothing to come back to.
			response.sendRedirect(SecurityConfiguration.SIGNED_OUT);
			return;
		}
		rememberPageOf(request, response);
		response.sendRedirect(EXPIRED_URL);
	}

	private void rememberPageOf(HttpServletRequest request, HttpServletResponse response) {
		boolean page = HttpMethod.GET.matches(request.getMethod());
		this.requestCache.saveRequest(page ? request : new AddressOnly(request), response);
	}

	private static boolean endedSession(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

	/** The request as a GET of its address, without its query or fields, for the request cache. */
	private static final class AddressOnly extends HttpServletRequestWrapper {

		AddressOnly(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return HttpMethod.GET.name();
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
