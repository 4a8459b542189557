package dev.mfaportal.identity;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "Confirm it's you": the signed-in employee types their password again before a sensitive action, then
 * continues to the (local) page that sent them here. See {@link RecentSignIn}.
 */
@Controller
class ReauthenticationController {

	private static final String FORM = "identity/reauthenticate";

	private final UserDetailsService users;

	private final PasswordEncoder passwordEncoder;

	private final AuthenticationEventPublisher authenticationEvents;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	ReauthenticationController(UserDetailsService users, PasswordEncoder passwordEncoder,
			AuthenticationEventPublisher authenticationEvents, ApplicationEventPublisher events) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.authenticationEvents = authenticationEvents;
		this.events = events;
	}

	@GetMapping("/reauthenticate")
	String form(@RequestParam(name = "continue", required = false) String continuePath, Model model) {
		model.addAttribute("continuePath", LocalPaths.orHome(continuePath));
		return FORM;
	}

	@PostMapping("/reauthenticate")
	Object confirm(@RequestParam(defaultValue = "") String password,
			@RequestParam(name = "continue", required = false) String continuePath, Authentication authentication,
			HttpServletRequest request, Model model) {
		String target = LocalPaths.orHome(continuePath);
		if (!passwordMatches(authentication.getName(), password)) {
			// Counts like a failed sign-in, so audit (and any lockout) sees guesses made here too.
			this.authenticationEvents.publishAuthenticationFailure(new BadCredentialsException("Wrong password"),
					UsernamePasswordAuthenticationToken.unauthenticated(authentication.getName(), null));
			model.addAttribute("continuePath", target);
			model.addAttribute("wrongPassword", true);
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

	private boolean passwordMatches(String username, String password) {
		try {
			UserDetails user = this.users.loadUserByUsername(username);
			return user.isEnabled() && this.passwordEncoder.matches(password, user.getPassword());
		}
		catch (UsernameNotFoundException ex) {
			return false;
		}
	}

}
