package dev.mfaportal.audit;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that ties together its log lines (the MDC key {@value #KEY}), its audit rows (their
 * {@code requestId} detail), its error page and the {@value #HEADER} response header. A well-formed id sent by a
 * reverse proxy in {@value #HEADER} is kept, so the proxy's access log matches too; anything else is replaced by
 * a fresh one, because the header is client input that ends up in logs and the audit log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestId extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	/** The MDC key and the request attribute holding the id. */
	public static final String KEY = "requestId";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	/** The current request's id, or null outside a request (the sweeper, the scheduled chain check). */
	public static String current() {
		return MDC.get(KEY);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// An error dispatch runs this filter again; it keeps the id the request was given.
		String id = (request.getAttribute(KEY) instanceof String earlier) ? earlier : chosen(request.getHeader(HEADER));
		request.setAttribute(KEY, id);
		response.setHeader(HEADER, id);
		String outer = MDC.get(KEY);
		MDC.put(KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer != null) {
				MDC.put(KEY, outer);
			}
			else {
				MDC.remove(KEY);
			}
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String chosen(String sent) {
		return (sent != null && WELL_FORMED.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
	}

}
