package dev.mfaportal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.mfaportal.aws.AwsCallException;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * When AWS did not answer and no controller handled it, the employee sees the 503 page ("try again in a
 * moment", S28) instead of a generic 500. Runs last, so a feature's own handling always wins.
 */
@Component
class AwsUnavailableStatus implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		for (Throwable error = ex; error != null && error.getCause() != error; error = error.getCause()) {
			if (error instanceof AwsCallException aws && aws.is(AwsCallException.Kind.UNAVAILABLE)) {
				try {
					response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
					return new ModelAndView();
				}
				catch (IOException sendFailed) {
					return null;
				}
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
