package dev.mfaportal.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.mfaportal.identity.PortalHeaders;

/**
 * S26 on every error page: Spring Security writes its headers on a request's own dispatch only, so an error
 * that never passed it (a TRACE Tomcat refuses, a control character refused in front of it) would render the
 * error page without them. Headers already written stay as they are.
 */
@Component
class ErrorPageHeaders extends OncePerRequestFilter implements OrderedFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PortalHeaders.writeTo(request, response);
		chain.doFilter(request, response);
	}

	/** Only error dispatches: the request's own dispatch gets its headers from Spring Security. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	public int getOrder() {
		return ControlCharacterFilter.ORDER;
	}

}
