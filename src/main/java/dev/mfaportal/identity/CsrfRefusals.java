package dev.mfaportal.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The 403 page for every refused request, telling audit about a CSRF refusal first: Spring Security publishes an
 * event for a denial by an authorization rule (audited already), but none when its CSRF filter refuses.
 */
final class CsrfRefusals implements AccessDeniedHandler {

	private final AccessDeniedHandler page = new AccessDeniedHandlerImpl();

	private final ApplicationEventPublisher events;

	CsrfRefusals(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (denied instanceof CsrfException) {
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			boolean visitor = signedIn == null || new AuthenticationTrustResolverImpl().isAnonymous(signedIn);
			this.events.publishEvent(new CsrfRefusedEvent(visitor ? null : signedIn.getName(), request.getMethod(),
					request.getRequestURI(), (denied instanceof MissingCsrfTokenException) ? "missing" : "invalid"));
		}
		this.page.handle(request, response, denied);
	}

}
