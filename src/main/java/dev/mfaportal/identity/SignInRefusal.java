package dev.mfaportal.identity;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The identity provider vouched for the person, but the portal will not let them in: their sign-in does not map
 * to an IAM user it may act on, or gives no portal role. The sign-in failure handler tells these apart from a
 * failed protocol exchange, to show the person what to do and to audit who was refused.
 */
final class SignInRefusal extends OAuth2AuthenticationException {

	/** Why; the code is what the audit row records. */
	enum Reason {

		/** A claim the IAM user rule reads is missing or blank. */
		MISSING_CLAIM("iam_user_claim_missing", Page.NOT_MAPPED),

		/** The rule produced something that IAM would never accept as a user name. */
		INVALID_NAME("iam_user_name_invalid", Page.NOT_MAPPED),

		NO_SUCH_IAM_USER("iam_user_not_found", Page.NOT_MAPPED),

		/** The IAM user exists, but not under {@code portal.identity.oidc.iam-path}. */
		OUTSIDE_IAM_PATH("iam_user_outside_path", Page.NOT_MAPPED),

		/** None of the person's groups gives a portal role. */
		NO_ROLE("no_portal_role", Page.NO_ROLE),

		/** IAM could not say whether the user exists: refused, to be tried again shortly. */
		IAM_UNAVAILABLE("iam_unavailable", Page.TRY_AGAIN);

		final String code;

		final Page page;

		Reason(String code, Page page) {
			this.code = code;
			this.page = page;
		}

	}

	/** What the sign-in page tells the person; several reasons share one, so the page reveals little. */
	enum Page {

		NOT_MAPPED("not-mapped"), NO_ROLE("no-role"), TRY_AGAIN("try-again"), FAILED("failed");

		final String parameter;

		Page(String parameter) {
			this.parameter = parameter;
		}

	}

	private final Reason reason;

	private final String username;

	private final String iamUser;

	SignInRefusal(Reason reason, String username, String iamUser, String description) {
		super(new OAuth2Error(reason.code, description, null), description);
		this.reason = reason;
		this.username = username;
		this.iamUser = iamUser;
	}

	Reason reason() {
		return this.reason;
	}

	/** The provider's name for the person, for the audit row. */
	String username() {
		return this.username;
	}

	/** The IAM user the claims named, when they named one. */
	String iamUser() {
		return this.iamUser;
	}

}
