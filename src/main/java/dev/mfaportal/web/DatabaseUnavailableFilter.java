package dev.mfaportal.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a database outage into the 503 page before MVC is involved (S29). Sessions live in PostgreSQL, so
 * with the database down Spring Session's filter fails to load or save the session of every signed-in
 * request, and the sign-in throttle and audit listener fail inside Spring Security's filters: without this
 * filter those become a 500 from the servlet container. It sits in front of Spring Session's filter.
 * <p>
 * The error page is rendered on an ERROR dispatch that passes through the same filters; on that dispatch
 * the session cookie is hidden, so the page renders without asking the database again (it then shows no
 * signed-in user, which is true enough while sessions cannot be read).
 */
@Component
class DatabaseUnavailableFilter extends OncePerRequestFilter implements OrderedFilter {

	/** Just in front of Spring Session's filter, which is the first to touch the database. */
	static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 10;

	/** Where Spring Session keeps the session it loaded or created for this request (its private constant). */
	static final String CURRENT_SESSION_ATTRIBUTE = SessionRepositoryFilter.SESSION_REPOSITORY_ATTR + ".CURRENT_SESSION";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final String sessionCookieName;

	DatabaseUnavailableFilter(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookieName) {
		this.sessionCookieName = sessionCookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(DatabaseUnavailable.ATTRIBUTE) != null) {
			// A session created before the failure (a sign-in form's CSRF token) would be saved on this dispatch.
			request.removeAttribute(CURRENT_SESSION_ATTRIBUTE);
			chain.doFilter(new WithoutSessionCookie(request, this.sessionCookieName), response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			boolean alreadyAnswered = request.getAttribute(DatabaseUnavailable.ATTRIBUTE) != null;
			if (response.isCommitted()) {
				if (alreadyAnswered) {
					// The 503 is on its way; saving the session afterwards failed for the same reason.
					return;
				}
				throw ex;
			}
			if (!alreadyAnswered) {
				logger.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(),
						DatabaseUnavailable.rootCause(ex).toString());
			}
			request.setAttribute(DatabaseUnavailable.ATTRIBUTE, Boolean.TRUE);
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
