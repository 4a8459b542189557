package dev.mfaportal.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers of every answer (S26), in one list: Spring Security writes them on the portal's pages,
 * and the answers that never reach it (the 400 page for a control character, Tomcat's own error answers for a
 * malformed request or a TRACE) write the same ones through {@link #writeTo}. Spring Security's defaults
 * (nosniff, no XSS auditor, no caching, HSTS on HTTPS, no framing) plus the portal's policy and no referrer.
 */
public final class PortalHeaders {

	static final HeaderWriter WRITER = new CompositeHeaderWriter(List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(SecurityConfiguration.CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)));

	private PortalHeaders() {
	}

	/** Sets the headers on an answer that Spring Security's filters do not see; a header already set stays. */
	public static void writeTo(HttpServletRequest request, HttpServletResponse response) {
		WRITER.writeHeaders(request, response);
	}

}
