package dev.mfaportal.credentials;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mfaportal.identity.Employee;

/**
 * "My credentials leaked": the employee revokes every session issued to their own IAM user until now. The IAM
 * user is always the signed-in employee's, never one named in the request.
 */
@Controller
class RevokeSessionsController {

	static final String SELF_REASON = "my credentials leaked";

	private static final int MAX_REASON = 500;

	private final SessionRevoker revoker;

	RevokeSessionsController(SessionRevoker revoker) {
		this.revoker = revoker;
	}

	@PostMapping("/credentials/revoke")
	String revoke(Employee employee, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		if (!this.revoker.enabled()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String why = StringUtils.hasText(reason) ? SELF_REASON + ": " + clip(reason.strip()) : SELF_REASON;
		try {
			Instant before = this.revoker.revoke(employee.username(), employee.iamUserName(), why);
			redirect.addFlashAttribute("revokedBefore", before.toString());
		}
		catch (RevocationFailedException ex) {
			redirect.addFlashAttribute("revokeError", ex.reference());
		}
		return "redirect:/credentials";
	}

	static String clip(String reason) {
		return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
	}

}
