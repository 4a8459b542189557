package dev.mfaportal.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session a fixed time after sign-in, however active it is (S11). The servlet
 * container's idle timeout cannot do this: every request renews it.
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

	private final Duration lifetime;

	private final Clock clock;

	private final SessionEnded ended;

	AbsoluteSessionTimeoutFilter(Duration lifetime, Clock clock, SessionEnded ended) {
		this.lifetime = lifetime;
		this.clock = clock;
		this.ended = ended;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Instant signedInAt = SignInTimes.sessionSignedInAt(session);
		if (signedInAt != null && signedInAt.plus(this.lifetime).isBefore(this.clock.instant())) {
			session.invalidate();
			this.ended.ended(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
