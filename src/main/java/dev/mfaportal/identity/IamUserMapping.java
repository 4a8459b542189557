package dev.mfaportal.identity;

import java.util.Map;
import java.util.regex.Pattern;

import dev.mfaportal.identity.IamUserLookup.IamUser;
import dev.mfaportal.identity.SignInRefusal.Reason;

/**
 * The one place that decides which IAM user an OIDC sign-in acts on: the configured rule applied to the ID
 * token's claims (never to anything in a request), then IAM asked whether that user exists and, when a path is
 * required, whether it lives under it (S39).
 */
final class IamUserMapping {

	/** IAM's own rule for user names. */
	static final Pattern IAM_USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

	private final IamUserRule rule;

	private final String requiredPath;

	private final IamUserLookup iamUsers;

	IamUserMapping(IamUserRule rule, String requiredPath, IamUserLookup iamUsers) {
		this.rule = rule;
		this.requiredPath = requiredPath;
		this.iamUsers = iamUsers;
	}

	/**
	 * The IAM user the claims of {@code username}'s sign-in map to.
	 * @throws SignInRefusal when they map to none the portal may act on, or IAM cannot say
	 */
	IamUser map(Map<String, Object> claims, String username) {
		String name = this.rule.apply(claims)
			.orElseThrow(() -> new SignInRefusal(Reason.MISSING_CLAIM, username, null,
					"The ID token lacks one of " + this.rule.claims() + " that " + this.rule + " reads"));
		if (!IAM_USER_NAME.matcher(name).matches()) {
			throw new SignInRefusal(Reason.INVALID_NAME, username, null,
					this.rule + " gave a name IAM does not allow (" + name.length() + " characters)");
		}
		IamUser user;
		try {
			user = this.iamUsers.find(name)
				.orElseThrow(() -> new SignInRefusal(Reason.NO_SUCH_IAM_USER, username, name, "No IAM user " + name));
		}
		catch (IamLookupFailedException ex) {
			throw new SignInRefusal(Reason.IAM_UNAVAILABLE, username, name, ex.getMessage());
		}
		if (this.requiredPath != null && !user.path().startsWith(this.requiredPath)) {
			throw new SignInRefusal(Reason.OUTSIDE_IAM_PATH, username, user.name(),
					"IAM user " + user.name() + " lives under " + user.path() + ", not " + this.requiredPath);
		}
		return user;
	}

}
