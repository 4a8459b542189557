package dev.mfaportal.audit;

import jakarta.servlet.http.HttpServletRequest;

import dev.mfaportal.identity.CsrfRefusedEvent;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.identity.EmployeeDirectory;
import dev.mfaportal.identity.ReauthenticatedEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins, failed sign-ins and refused requests (S13, S22) from the events Spring Security publishes
 * for the identity module's filter chain, so no security code has to call the audit log itself.
 */
@Component
class SecurityEventAuditor {

	static final int PATH_MAX_LENGTH = 2048;

	/** A successful sign-in; {@link JdbcPortalActivity} reads it as the IAM user's last visit. */
	static final String SIGNED_IN = "signin.succeeded";

	private final AuditLog auditLog;

	private final ObjectProvider<EmployeeDirectory> employees;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	SecurityEventAuditor(AuditLog auditLog, ObjectProvider<EmployeeDirectory> employees) {
		this.auditLog = auditLog;
		this.employees = employees;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		// Remembered logins re-authenticate silently on later visits: not a sign-in a person made.
		if (this.trust.isRememberMe(authentication)) {
			return;
		}
		this.auditLog.record(AuditEvent.of(SIGNED_IN, AuditOutcome.SUCCESS)
			.portalUser(authentication.getName())
			.iamUser(iamUserOf(authentication)));
	}

	@EventListener
	void reauthenticated(ReauthenticatedEvent event) {
		this.auditLog.record(AuditEvent.of("signin.reauthenticated", AuditOutcome.SUCCESS)
			.portalUser(event.username())
			.iamUser(iamUserOf(event.username())));
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		// The name is whatever was typed (never the password); JdbcAuditLog caps its length.
		this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE)
			.portalUser(event.getAuthentication().getName())
			.detail("reason", event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		// An anonymous visitor is sent to the sign-in page, not refused: that is no denial worth a row.
		if (authentication == null || this.trust.isAnonymous(authentication)) {
			return;
		}
		AuditEvent denial = AuditEvent.of("access.denied", AuditOutcome.DENIED).portalUser(authentication.getName());
		if (event.getObject() instanceof HttpServletRequest request) {
			denial = denial.detail("method", request.getMethod())
				.detail("path", RequestOrigin.truncate(request.getRequestURI(), PATH_MAX_LENGTH));
		}
		this.auditLog.record(denial.iamUser(iamUserOf(authentication)));
	}

	/** S42: Spring Security publishes no event of its own when its CSRF filter refuses a request. */
	@EventListener
	void csrfRefused(CsrfRefusedEvent event) {
		this.auditLog.record(AuditEvent.of("access.denied", AuditOutcome.DENIED)
			.portalUser(event.username())
			.iamUser((event.username() != null) ? iamUserOf(event.username()) : null)
			.detail("reason", "csrf")
			.detail("csrf", event.problem())
			.detail("method", event.method())
			.detail("path", RequestOrigin.truncate(event.path(), PATH_MAX_LENGTH)));
	}

	/** S22 wants the IAM user on every row: an OIDC sign-in's from its principal, a local login's by name. */
	private String iamUserOf(Authentication authentication) {
		EmployeeDirectory directory = this.employees.getIfAvailable();
		return (directory != null) ? directory.of(authentication).map(Employee::iamUserName).orElse(null) : null;
	}

	/** A failed sign-in's typed name is deliberately not resolved. */
	private String iamUserOf(String username) {
		EmployeeDirectory directory = this.employees.getIfAvailable();
		if (directory == null) {
			return null;
		}
		return directory.findByUsername(username).map(Employee::iamUserName).orElse(null);
	}

}
