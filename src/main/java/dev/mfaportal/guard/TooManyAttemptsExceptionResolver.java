package dev.mfaportal.guard;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.AbstractHandlerExceptionResolver;

/**
 * Answers {@link TooManyAttemptsException} from any controller with 429 and a {@code Retry-After} header,
 * then lets Boot's error view render {@code templates/error/429.html}. The request keeps
 * {@value #RETRY_AT} (an {@link Instant}, which the page prints in the reader's zone) and
 * {@value #RETRY_AFTER_MINUTES} so the page can say when to try again; a feature module only has to let
 * the exception through.
 */
@Component
class TooManyAttemptsExceptionResolver extends AbstractHandlerExceptionResolver {

	static final String RETRY_AT = "retryAt";

	static final String RETRY_AFTER_MINUTES = "retryAfterMinutes";

	private final Clock clock;

	TooManyAttemptsExceptionResolver(Clock clock) {
		this.clock = clock;
		// Before Spring's defaults, which would answer 500 for an unannotated exception.
		setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
	}

	@Override
	protected ModelAndView doResolveException(HttpServletRequest request, HttpServletResponse response,
			Object handler, Exception ex) {
		if (!(ex instanceof TooManyAttemptsException tooMany)) {
			return null;
		}
		long seconds = Math.max(1, Duration.between(this.clock.instant(), tooMany.retryAt()).toSeconds());
		request.setAttribute(RETRY_AT, tooMany.retryAt());
		request.setAttribute(RETRY_AFTER_MINUTES, Math.max(1, (seconds + 59) / 60));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		try {
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		catch (IOException ex2) {
			// The client went away; there is nobody left to tell.
			return null;
		}
		return new ModelAndView();
	}

}
