package dev.mfaportal.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the current request came from, for the audit row; both parts are null outside an HTTP request (the
 * sweeper, the scheduled verifier). The source IP is the servlet's remote address, so behind a proxy set
 * {@code server.forward-headers-strategy} rather than trusting a header here.
 */
record RequestOrigin(String sourceIp, String userAgent) {

	/** A user agent is free text chosen by the client; this much identifies a browser. */
	static final int USER_AGENT_MAX_LENGTH = AuditCaps.USER_AGENT_MAX_LENGTH;

	static RequestOrigin current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return new RequestOrigin(request.getRemoteAddr(),
					truncate(request.getHeader("User-Agent"), USER_AGENT_MAX_LENGTH));
		}
		return new RequestOrigin(null, null);
	}

	static String truncate(String value, int maxLength) {
		if (value == null || value.length() <= maxLength) {
			return value;
		}
		int end = maxLength;
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end);
	}

}
