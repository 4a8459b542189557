package dev.mfaportal.helpdesk;

import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import dev.mfaportal.credentials.RevocationFailedException;
import dev.mfaportal.credentials.SessionRevoker;

/**
 * The help-desk page's revocation status: whether a revocation is in force for the employee (the form that
 * revokes is {@link HelpDeskRevocationController}'s). Advice beans join every MVC test slice, so the revoker is
 * looked up only when the help-desk page asks, not when the advice is created.
 */
@ControllerAdvice(assignableTypes = HelpDeskController.class)
class RevokeSessionsAdvice {

	static final String IAM_USER_NAME = "[\\w+=,.@-]{1,64}";

	private final ObjectProvider<SessionRevoker> revoker;

	RevokeSessionsAdvice(ObjectProvider<SessionRevoker> revoker) {
		this.revoker = revoker;
	}

	/** On the employee page: {@code null} when revocation is off; else whether one is in force, or unknown. */
	@ModelAttribute("revocation")
	Revocation revocation(@PathVariable(required = false) String iamUser) {
		SessionRevoker revoker = this.revoker.getObject();
		if (!revoker.enabled() || iamUser == null || !iamUser.matches(IAM_USER_NAME)) {
			return null;
		}
		try {
			return new Revocation(revoker.inForce(iamUser).map(Instant::toString), true);
		}
		catch (RevocationFailedException ex) {
			return new Revocation(Optional.empty(), false);
		}
	}

	/**
	 * @param before when set, sessions issued before it are refused
	 * @param known {@code false} when AWS could not be asked
	 */
	record Revocation(Optional<String> before, boolean known) {
	}

}
