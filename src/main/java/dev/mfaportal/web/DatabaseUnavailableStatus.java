package dev.mfaportal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A controller or view that could not reach the database answers 503 with the friendly page (S29, S27)
 * instead of a 500. Runs last, so a feature's own handling always wins; failures outside MVC are
 * {@link DatabaseUnavailableFilter}'s.
 */
@Component
class DatabaseUnavailableStatus implements HandlerExceptionResolver, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailableStatus.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!DatabaseUnavailable.causedBy(ex)) {
			return null;
		}
		logger.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(),
				DatabaseUnavailable.rootCause(ex).toString());
		request.setAttribute(DatabaseUnavailable.ATTRIBUTE, Boolean.TRUE);
		try {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return new ModelAndView();
		}
		catch (IOException sendFailed) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
