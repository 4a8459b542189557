package dev.mfaportal.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security handles the POST; this only renders the form, carrying a local
 * "continue to" path through when one was asked for.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(name = SignInSuccessHandler.CONTINUE_PARAMETER, required = false) String continuePath,
			Model model) {
		if (LocalPaths.isLocal(continuePath)) {
			model.addAttribute("continuePath", continuePath);
		}
		return "identity/login";
	}

}
