package dev.mfaportal.sandbox;

import java.util.Map;

/**
 * A user's inline policies, the alternative to one managed deny policy: {@code PutUserPolicy} writes (or
 * replaces) one by name, {@code DeleteUserPolicy} removes it. Both answer with {@code ResponseMetadata} only.
 */
final class IamUserPolicyActions {

	private final IamState iam;

	private final IamPolicies policies;

	IamUserPolicyActions(IamState iam, IamPolicies policies) {
		this.iam = iam;
		this.policies = policies;
	}

	void register(Map<String, Action> actions) {
		actions.put("PutUserPolicy", this::put);
		actions.put("DeleteUserPolicy", this::delete);
	}

	/**
	 * All inline policies of a user together may hold 2,048 characters, white space not counted
	 * (reference_iam-quotas); over that, LimitExceeded 409 "Maximum policy size of 2048 bytes exceeded for
	 * user" (real output, ministryofjustice/cloud-platform-environments#5301; whether the user's name follows
	 * is UNCONFIRMED).
	 */
	private String put(AccessKeys.Key caller, FormParams params) {
		IamState.User user = this.iam.existingUser(Validation.name("userName", params.required("UserName", "userName")));
		String name = Validation.name("policyName", params.required("PolicyName", "policyName"));
		String document = PolicyDocument.validated("policyDocument", params.required("PolicyDocument", "policyDocument"));
		int others = this.policies.inlineOf(user.name())
			.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(name))
			.mapToInt((entry) -> PolicyDocument.size(entry.getValue()))
			.sum();
		if (others + PolicyDocument.size(document) > PolicyDocument.USER_INLINE_SIZE) {
			throw SandboxAwsError.limitExceeded(
					"Maximum policy size of " + PolicyDocument.USER_INLINE_SIZE + " bytes exceeded for user " + user.name());
		}
		this.policies.putInline(user.name(), name, document);
		return null;
	}

	/** The NoSuchEntity wording is moto's; AWS's is UNCONFIRMED. */
	private String delete(AccessKeys.Key caller, FormParams params) {
		IamState.User user = this.iam.existingUser(Validation.name("userName", params.required("UserName", "userName")));
		String name = Validation.name("policyName", params.required("PolicyName", "policyName"));
		if (!this.policies.removeInline(user.name(), name)) {
			throw SandboxAwsError.noSuchEntity("The user policy with name " + name + " cannot be found.");
		}
		return null;
	}

}
