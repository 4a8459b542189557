package dev.mfaportal.identity;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A sign-in at an identity provider that did not end in a session: published for the audit log, and the person
 * sent back to the sign-in page with a message saying what to do (not mapped, no role, try again, failed).
 */
final class OidcSignInFailureHandler implements AuthenticationFailureHandler {

	/** Where Spring Security's redirection endpoint receives the provider's answer. */
	static final String CALLBACK_PREFIX = "/login/oauth2/code/";

	private static final Pattern REGISTRATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final ApplicationEventPublisher events;

	OidcSignInFailureHandler(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		SignInRefusal.Page page = SignInRefusal.Page.FAILED;
		String reason = exception.getClass().getSimpleName();
		String description = exception.getMessage();
		String username = null;
		String iamUser = null;
		if (exception instanceof SignInRefusal refusal) {
			page = refusal.reason().page;
			username = refusal.username();
			iamUser = refusal.iamUser();
		}
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			reason = oauth2.getError().getErrorCode();
			description = (oauth2.getError().getDescription() != null) ? oauth2.getError().getDescription()
					: reason;
		}
		this.events.publishEvent(new SignInRefusedEvent(provider(request), reason, username, iamUser, description));
		response.sendRedirect(request.getContextPath() + "/login?refused=" + page.parameter);
	}

	/** The registration id from the callback path; anything else a request may carry there is not recorded. */
	private static String provider(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String id = path.startsWith(CALLBACK_PREFIX) ? path.substring(CALLBACK_PREFIX.length()) : "";
		return REGISTRATION_ID.matcher(id).matches() ? id : "unknown";
	}

}
