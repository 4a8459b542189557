package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The part of IAM's policy evaluation the sandbox enforces: an explicit {@code Deny} in a policy that
 * applies to the caller (managed policies attached to its groups, at their default version, and its inline
 * policies) refuses the IAM call with {@code AccessDenied} 403. Allows are not modelled: what no Deny
 * refuses is permitted. Permissions "are evaluated each time an AWS request is made using the credentials"
 * (Disabling permissions for temporary security credentials), so a new policy version applies at once;
 * real IAM takes "a few minutes" to propagate it.
 */
final class ExplicitDeny {

	private static final Set<String> ON_USER = Set.of("ListMFADevices", "EnableMFADevice", "ResyncMFADevice",
			"DeactivateMFADevice", "GetUser", "CreateAccessKey", "DeleteAccessKey", "ListAccessKeys", "PutUserPolicy",
			"DeleteUserPolicy");

	private static final Set<String> ON_DEVICE = Set.of("DeleteVirtualMFADevice", "TagMFADevice", "ListMFADeviceTags");

	private final IamState iam;

	private final IamPolicies policies;

	ExplicitDeny(IamState iam, IamPolicies policies) {
		this.iam = iam;
		this.policies = policies;
	}

	/**
	 * @throws SandboxAwsError AccessDenied in AWS's explicit-deny wording, e.g. {@code User: arn:… is not
	 * authorized to perform: iam:ListMFADevices on resource: user SomeUser with an explicit deny in an
	 * identity-based policy} (real output quoted in public code; newer messages end with {@code : <policy
	 * ARN>}, ministryofjustice/modernisation-platform#12674). Which resource text IAM writes for each action,
	 * and the suffix for an inline policy, are UNCONFIRMED.
	 */
	void check(AccessKeys.Key caller, String action, FormParams params) {
		IamState.User user = this.iam.user(caller.userName()).orElse(null);
		if (user == null) {
			return;
		}
		Map<String, String> context = context(caller, user);
		String resource = resourceArn(action, params, caller);
		// Real messages name a user as "user <name>" and other resources by ARN.
		String shown = ON_USER.contains(action) ? "user " + params.userNameOrSigner(caller) : resource;
		for (IamPolicies.ManagedPolicy policy : this.policies.attachedThroughGroups(user.name())) {
			if (denies(policy.defaultVersion().document(), "iam:" + action, resource, context)) {
				throw denied(user, action, shown, ": " + policy.arn);
			}
		}
		for (String document : this.policies.inlineOf(user.name()).values()) {
			if (denies(document, "iam:" + action, resource, context)) {
				throw denied(user, action, shown, "");
			}
		}
	}

	/**
	 * The global condition keys the sandbox knows (AWS global condition context keys): aws:username and
	 * aws:userid always for an IAM user; aws:TokenIssueTime ("the exact time at which the temporary security
	 * credentials were created") and aws:MultiFactorAuthPresent only for session credentials.
	 */
	private static Map<String, String> context(AccessKeys.Key caller, IamState.User user) {
		Map<String, String> context = new HashMap<>();
		context.put("aws:username", user.name());
		context.put("aws:userid", user.userId());
		context.put("aws:currenttime", Instant.now().toString());
		if (caller.session()) {
			context.put("aws:tokenissuetime", caller.created().toString());
			context.put("aws:multifactorauthpresent", String.valueOf(caller.mfa()));
		}
		return context;
	}

	private String resourceArn(String action, FormParams params, AccessKeys.Key caller) {
		if (ON_USER.contains(action)) {
			String name = params.userNameOrSigner(caller);
			return this.iam.user(name).map(IamState.User::arn).orElse("arn:aws:iam::" + this.iam.accountId() + ":user/" + name);
		}
		if (ON_DEVICE.contains(action)) {
			return params.get("SerialNumber");
		}
		if (action.equals("CreateVirtualMFADevice")) {
			String path = (params.get("Path") != null) ? params.get("Path") : "/";
			return "arn:aws:iam::" + this.iam.accountId() + ":mfa" + path + params.get("VirtualMFADeviceName");
		}
		return (params.get("PolicyArn") != null) ? params.get("PolicyArn") : "*";
	}

	private static boolean denies(String document, String action, String resource, Map<String, String> context) {
		for (JsonNode statement : PolicyDocument.statements(document)) {
			if ("Deny".equals(statement.get("Effect").asString())
					&& matches(statement, "Action", "NotAction", action, false)
					&& matches(statement, "Resource", "NotResource", resource, true)
					&& PolicyConditions.hold(statement.get("Condition"), context)) {
				return true;
			}
		}
		return false;
	}

	/** Actions match case-insensitively, resources exactly; both with {@code *} and {@code ?} wildcards. */
	private static boolean matches(JsonNode statement, String element, String notElement, String value,
			boolean caseSensitive) {
		if (statement.has(element)) {
			return PolicyDocument.strings(statement.get(element)).stream().anyMatch((p) -> glob(p, value, caseSensitive));
		}
		if (statement.has(notElement)) {
			return PolicyDocument.strings(statement.get(notElement)).stream().noneMatch((p) -> glob(p, value, caseSensitive));
		}
		return element.equals("Resource");
	}

	private static boolean glob(String pattern, String value, boolean caseSensitive) {
		return (value == null) ? pattern.equals("*") : PolicyConditions.wildcard(pattern, value, !caseSensitive);
	}

	private static SandboxAwsError denied(IamState.User user, String action, String resource, String policy) {
		String on = "*".equals(resource) ? "" : " on resource: " + resource;
		return SandboxAwsError.accessDenied("User: " + user.arn() + " is not authorized to perform: iam:" + action + on
				+ " with an explicit deny in an identity-based policy" + policy);
	}

}
