package dev.mfaportal.credentials;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.SealRefusedException;

/**
 * The credentials form with the portal-minted key source: a key is minted when the form is shown and travels
 * sealed in it (bound to the employee and their portal session); on submission it signs GetSessionToken and is
 * deleted whatever the outcome. With the employee-key source this class does nothing.
 */
class KeylessIssuance {

	private final KeySource keySource;

	private final MintedKeys keys;

	private final CredentialsIssuer issuer;

	KeylessIssuance(KeySource keySource, MintedKeys keys, CredentialsIssuer issuer) {
		this.keySource = keySource;
		this.keys = keys;
		this.issuer = issuer;
	}

	KeySource keySource() {
		return this.keySource;
	}

	boolean enabled() {
		return this.keySource == KeySource.PORTAL_MINTED;
	}

	/** Puts a freshly minted, sealed key into the form's model, or the reason there is none. */
	void offer(Employee employee, HttpServletRequest request, Model model, HttpServletResponse response) {
		Refusal problem;
		try {
			model.addAttribute("mintedKey", this.keys.mint(employee, binding(request)));
			return;
		}
		catch (AwsCallException ex) {
			problem = ex.is(AwsCallException.Kind.LIMIT_EXCEEDED) ? Refusal.KEY_LIMIT
					: ex.is(AwsCallException.Kind.UNAVAILABLE) ? Refusal.AWS_UNAVAILABLE : Refusal.AWS_REFUSED;
		}
		catch (AuditUnavailableException ex) {
			problem = Refusal.AUDIT_UNAVAILABLE;
		}
		model.addAttribute("keyProblem", problem.messageCode());
		if (response.getStatus() < 400) {
			response.setStatus(problem.status().value());
		}
	}

	/**
	 * @return the issued session, or {@code null} when the form's fields were refused
	 * @throws IssueRefusedException as {@link CredentialsIssuer#issue} does, or when the sealed key is gone
	 */
	IssuedSession issue(Employee employee, String sealedKey, Optional<IssueRequest> valid,
			HttpServletRequest request) {
		AccessKey key = open(employee, sealedKey, request);
		try {
			return valid.map((ok) -> this.issuer.issue(employee, ok.withMintedKey(key), request.getRemoteAddr()))
				.orElse(null);
		}
		finally {
			this.keys.discard(employee, key.accessKeyId());
		}
	}

	private AccessKey open(Employee employee, String sealedKey, HttpServletRequest request) {
		if (sealedKey == null || sealedKey.isBlank()) {
			throw new IssueRefusedException(Refusal.MINTED_KEY_GONE, null);
		}
		try {
			return this.keys.open(employee, binding(request), sealedKey)
				.orElseThrow(() -> new IssueRefusedException(Refusal.MINTED_KEY_GONE, null));
		}
		catch (SealRefusedException ex) {
			throw new IssueRefusedException(Refusal.MINTED_KEY_GONE, null);
		}
	}

	/** The portal session: a sealed key copied into another browser (or after signing in again) does not open. */
	private static String binding(HttpServletRequest request) {
		return request.getSession().getId();
	}

}
