package dev.mfaportal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import dev.mfaportal.kernel.AttemptsLeft;

/**
 * "Confirm it's you": the signed-in employee types their password again before a sensitive action, then
 * continues to the (local) page that sent them here. See {@link RecentSignIn}.
 */
@Controller
class ReauthenticationController {

	private static final String FORM = "identity/reauthenticate";

	private final SignInPasswords passwords;

	private final AuthenticationEventPublisher authenticationEvents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecentSignIn recentSignIn;

	private final SignInThrottle throttle;

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	ReauthenticationController(SignInPasswords passwords, AuthenticationEventPublisher authenticationEvents,
			ApplicationEventPublisher events, Clock clock, RecentSignIn recentSignIn, SignInThrottle throttle) {
		this.passwords = passwords;
		this.authenticationEvents = authenticationEvents;
		this.events = events;
		this.clock = clock;
		this.recentSignIn = recentSignIn;
		this.throttle = throttle;
		// As the security chain's cache: the saved page comes back as it was asked for.
		this.requestCache.setMatchingRequestParameterName(null);
	}

	@GetMapping("/reauthenticate")
	String form(@RequestParam(name = "continue", required = false) String continuePath, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("continuePath", LocalPaths.orHome(continuePath));
		if (authentication.getPrincipal() instanceof SignedInOidcUser user) {
			// No password here: the person signs in again at their provider, which is asked to ask them again
			// (OidcLogin's prompt=login), and comes back to this page, which then sends them on.
			if (this.recentSignIn.isRecent()) {
				return "redirect:" + LocalPaths.orHome(continuePath);
			}
			this.requestCache.saveRequest(request, response);
			model.addAttribute("provider", user.providerName());
			model.addAttribute("providerPath", "/oauth2/authorization/" + user.registrationId() + "?"
					+ AuthorizationRequests.REAUTHENTICATE_PARAMETER);
		}
		return FORM;
	}

	@PostMapping("/reauthenticate")
	Object confirm(@RequestParam(defaultValue = "") String password,
			@RequestParam(name = "continue", required = false) String continuePath, Authentication authentication,
			HttpServletRequest request, Model model) {
		String target = LocalPaths.orHome(continuePath);
		if (authentication.getPrincipal() instanceof SignedInOidcUser) {
			// A company sign-in has no password here, whatever local account shares its name.
			RedirectView again = new RedirectView("/reauthenticate", true);
			again.setExposeModelAttributes(false);
			return again;
		}
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
			.unauthenticated(authentication.getName(), password);
		try {
			// The sign-in check itself, so guesses made here count towards the same lockout (S13).
			this.passwords.authenticate(attempt);
		}
		catch (AuthenticationException ex) {
			// Audited like a failed sign-in; no password in the event.
			this.authenticationEvents.publishAuthenticationFailure(ex,
					UsernamePasswordAuthenticationToken.unauthenticated(authentication.getName(), null));
			model.addAttribute("continuePath", target);
			Optional<AttemptsLeft> left = (ex instanceof LockedException) ? Optional.empty()
					: this.throttle.leftAfterWrongPassword(authentication.getName(), request.getRemoteAddr());
			model.addAttribute(left.isPresent() ? "wrongPassword" : "locked", true);
			left.ifPresent((attempts) -> model.addAttribute(AttemptsLeft.ATTRIBUTE, attempts));
			return FORM;
		}
		// A fresh proof of identity raises what the session may do: give it a new id, as at sign-in.
		request.changeSessionId();
		Instant now = this.clock.instant();
		SignInTimes.passwordConfirmed(request.getSession(), now);
		this.events.publishEvent(new ReauthenticatedEvent(authentication.getName(), now));
		RedirectView redirect = new RedirectView(target, true);
		redirect.setExpandUriTemplateVariables(false);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

}
