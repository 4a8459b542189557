package dev.mfaportal.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.identity.EmployeeDirectory;

/**
 * S33: a request with a control character in its path, a parameter or a header is refused with the portal's
 * 400 page and one audit row before anything else reads it: PostgreSQL refuses NUL in text, and a line break
 * or an escape sequence in a name misleads whoever reads a log. It runs after the request context and the
 * session are set up (so the row names the source address and, when signed in, the employee) and before
 * Spring Security, whose firewall would otherwise reject some of these values with a bare error of its own.
 */
@Component
class ControlCharacterFilter extends OncePerRequestFilter implements OrderedFilter {

	/** Just after Spring's request context filter (-105), before Spring Security's filter chain (-100). */
	static final int ORDER = REQUEST_WRAPPER_FILTER_MAX_ORDER - 104;

	static final String REFUSED = "request.refused";

	private static final String ATTRIBUTE = ControlCharacterFilter.class.getName() + ".REFUSED";

	// Looked up on first use: filters are made while the web server starts, before the database is ready.
	private final ObjectProvider<AuditLog> audit;

	private final ObjectProvider<EmployeeDirectory> employees;

	private final HttpSessionSecurityContextRepository signIns = new HttpSessionSecurityContextRepository();

	ControlCharacterFilter(ObjectProvider<AuditLog> audit, ObjectProvider<EmployeeDirectory> employees) {
		this.audit = audit;
		this.employees = employees;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			chain.doFilter((request.getAttribute(ATTRIBUTE) != null) ? new WithoutControlCharacters(request) : request,
					response);
			return;
		}
		Optional<ControlCharacters.Finding> finding = ControlCharacters.in(request);
		if (finding.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		this.audit.getObject().record(refusal(request, finding.get()));
		request.setAttribute(ATTRIBUTE, Boolean.TRUE);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	private AuditEvent refusal(HttpServletRequest request, ControlCharacters.Finding finding) {
		// DENIED, as every refusal of a request: a flood of them from one source is then counted (S43).
		AuditEvent row = AuditEvent.of(REFUSED, AuditOutcome.DENIED)
			.detail("reason", "control-character")
			.detail("method", request.getMethod())
			.detail("where", finding.where())
			.detail("name", finding.name())
			.detail("character", finding.character())
			.detail("at", finding.at());
		Authentication signedIn = this.signIns.loadDeferredContext(request).get().getAuthentication();
		EmployeeDirectory directory = this.employees.getIfAvailable();
		if (signedIn == null || directory == null) {
			return row;
		}
		return directory.of(signedIn).map(row::by).orElse(row.portalUser(signedIn.getName()));
	}

	// The error page's headers: ErrorPageHeaders.
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
