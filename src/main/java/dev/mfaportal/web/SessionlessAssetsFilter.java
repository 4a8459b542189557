package dev.mfaportal.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Serves stylesheets, scripts and images without the session. Sessions live in PostgreSQL, and without this
 * every asset request would read (and touch) its session row: Spring Security's request cache, the absolute
 * session timeout and MVC's flash maps all ask for it. With the database down the 503 page still needs its
 * stylesheet (S29). The paths are the public assets of identity's security configuration.
 */
@Component
class SessionlessAssetsFilter extends OncePerRequestFilter implements OrderedFilter {

	static final List<PathPattern> ASSETS = List.of("/css/**", "/js/**", "/images/**", "/favicon.ico")
		.stream()
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	private final String sessionCookieName;

	SessionlessAssetsFilter(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookieName) {
		this.sessionCookieName = sessionCookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
		boolean asset = ASSETS.stream().anyMatch((pattern) -> pattern.matches(path));
		chain.doFilter(asset ? new WithoutSessionCookie(request, this.sessionCookieName) : request, response);
	}

	@Override
	public int getOrder() {
		return DatabaseUnavailableFilter.ORDER + 1;
	}

}
