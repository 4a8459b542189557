package dev.mfaportal.helpdesk;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mfaportal.credentials.RevocationFailedException;
import dev.mfaportal.credentials.SessionRevoker;

/**
 * The help-desk page's revocation block: whether a revocation is in force for the employee, and the form that
 * revokes every session issued to them until now, with a required reason (audited by {@link SessionRevoker}).
 */
@Controller
@ControllerAdvice(assignableTypes = HelpDeskController.class)
class RevokeSessionsAdvice {

	private static final String IAM_USER_NAME = "[\\w+=,.@-]{1,64}";

	private final SessionRevoker revoker;

	RevokeSessionsAdvice(SessionRevoker revoker) {
		this.revoker = revoker;
	}

	/** On the employee page: {@code null} when revocation is off; else whether one is in force, or unknown. */
	@ModelAttribute("revocation")
	Revocation revocation(@PathVariable(required = false) String iamUser) {
		if (!this.revoker.enabled() || iamUser == null || !iamUser.matches(IAM_USER_NAME)) {
			return null;
		}
		try {
			return new Revocation(this.revoker.inForce(iamUser).map(Instant::toString), true);
		}
		catch (RevocationFailedException ex) {
			return new Revocation(Optional.empty(), false);
		}
	}

	@PostMapping("/admin/employees/{iamUser}/sessions/revoke")
	String revoke(@PathVariable String iamUser, @RequestParam(required = false) String reason, Principal admin,
			RedirectAttributes redirect) {
		if (!this.revoker.enabled() || !iamUser.matches(IAM_USER_NAME)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!StringUtils.hasText(reason)) {
			redirect.addFlashAttribute("revokeError", "reason");
			return "redirect:/admin/employees/{iamUser}";
		}
		String why = (reason.strip().length() > 500) ? reason.strip().substring(0, 500) : reason.strip();
		try {
			redirect.addFlashAttribute("revokedBefore", this.revoker.revoke(admin.getName(), iamUser, why).toString());
		}
		catch (RevocationFailedException ex) {
			redirect.addFlashAttribute("revokeError", ex.reference());
		}
		return "redirect:/admin/employees/{iamUser}";
	}

	/**
	 * @param before when set, sessions issued before it are refused
	 * @param known {@code false} when AWS could not be asked
	 */
	record Revocation(Optional<String> before, boolean known) {
	}

}
