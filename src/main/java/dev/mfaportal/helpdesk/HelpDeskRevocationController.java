package dev.mfaportal.helpdesk;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mfaportal.credentials.RevocationFailedException;
import dev.mfaportal.credentials.SessionRevoker;

/**
 * The help-desk page's revocation form: revokes every session issued to the employee until now, with a
 * required reason (audited by {@link SessionRevoker}).
 */
@Controller
class HelpDeskRevocationController {

	private final SessionRevoker revoker;

	HelpDeskRevocationController(SessionRevoker revoker) {
		this.revoker = revoker;
	}

	@PostMapping("/admin/employees/{iamUser}/sessions/revoke")
	String revoke(@PathVariable String iamUser, @RequestParam(required = false) String reason, Principal admin,
			RedirectAttributes redirect) {
		if (!this.revoker.enabled() || !iamUser.matches(RevokeSessionsAdvice.IAM_USER_NAME)) {
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

}
