package dev.mfaportal.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mfaportal.kernel.AttemptsLeft;

/**
 * The sign-in page. Spring Security handles the POST and the providers' redirects; this renders the local form
 * (when local accounts are on), carrying a local "continue to" path through, and a button per OpenID provider.
 * With local accounts off and one provider, the page goes straight to it, unless it has something to say.
 */
@Controller
class LoginController {

	/** The page's messages; with any of them the page shows rather than redirects. */
	private static final List<String> NOTICES = List.of("error", "locked", "logout", "expired", "refused");

	private final AccessProperties access;

	private final ObjectProvider<OidcLogin> oidcLogin;

	LoginController(AccessProperties access, ObjectProvider<OidcLogin> oidcLogin) {
		this.access = access;
		this.oidcLogin = oidcLogin;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = SignInSuccessHandler.CONTINUE_PARAMETER, required = false) String continuePath,
			HttpServletRequest request, Model model) {
		List<Provider> providers = providers();
		boolean local = this.access.localAccounts().enabled();
		if (!local && providers.size() == 1 && NOTICES.stream().noneMatch((notice) -> request.getParameter(notice) != null)) {
			return "redirect:" + providers.get(0).path();
		}
		if (LocalPaths.isLocal(continuePath)) {
			model.addAttribute("continuePath", continuePath);
		}
		// The count a wrong password left (SignInFailurePage), shown once.
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(AttemptsLeft.ATTRIBUTE) instanceof AttemptsLeft left) {
			session.removeAttribute(AttemptsLeft.ATTRIBUTE);
			if (request.getParameter("error") != null) {
				model.addAttribute(AttemptsLeft.ATTRIBUTE, left);
			}
		}
		model.addAttribute("localAccounts", local);
		model.addAttribute("providers", providers);
		return "identity/login";
	}

	private List<Provider> providers() {
		OidcLogin oidc = this.oidcLogin.getIfAvailable();
		if (oidc == null) {
			return List.of();
		}
		return oidc.providers()
			.stream()
			.map((registration) -> new Provider(registration.getRegistrationId(), registration.getClientName(),
					"/oauth2/authorization/" + registration.getRegistrationId()))
			.toList();
	}

	/**
	 * One OpenID provider as the page offers it.
	 *
	 * @param id the registration id
	 * @param name its {@code client-name}, shown as "Sign in with <name>"
	 * @param path where Spring Security starts the sign-in there
	 */
	record Provider(String id, String name, String path) {
	}

}
