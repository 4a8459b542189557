package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IAM actions on a customer-managed policy and its versions: read the policy, read, list, create and
 * delete versions, choose the default. At most five versions (LimitExceeded "A managed policy can have up
 * to 5 versions. Before you create a new version, you must delete an existing version.", real output in
 * 99designs/iamy#21); the default version cannot be deleted (DeleteConflict "Cannot delete the default
 * version of a policy.", redradrat/aws-iam-operator#13).
 */
final class IamPolicyActions {

	/** The model's policyVersionIdType. */
	private static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");

	private final IamPolicies policies;

	IamPolicyActions(IamPolicies policies) {
		this.policies = policies;
	}

	void register(Map<String, Action> actions) {
		actions.put("GetPolicy", this::getPolicy);
		actions.put("GetPolicyVersion", this::getVersion);
		actions.put("ListPolicyVersions", this::listVersions);
		actions.put("CreatePolicyVersion", this::createVersion);
		actions.put("DeletePolicyVersion", this::deleteVersion);
		actions.put("SetDefaultPolicyVersion", this::setDefault);
	}

	/** The model's arnType is 20–2048 characters. */
	private IamPolicies.ManagedPolicy policy(FormParams params) {
		String arn = params.required("PolicyArn", "policyArn");
		if (arn.length() < 20 || arn.length() > 2048) {
			throw SandboxAwsError.validation("policyArn", arn, "Member must have length between 20 and 2048");
		}
		return this.policies.existingPolicy(arn);
	}

	/** The NoSuchEntity wording for an unknown version is UNCONFIRMED. */
	private static IamPolicies.Version version(IamPolicies.ManagedPolicy policy, FormParams params) {
		String id = params.required("VersionId", "versionId");
		if (!VERSION_ID.matcher(id).matches()) {
			throw SandboxAwsError.validation("versionId", id,
					"Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
		}
		return policy.version(id).orElseThrow(() -> SandboxAwsError
			.noSuchEntity("Policy " + policy.arn + " version " + id + " does not exist or is not attachable."));
	}

	private String getPolicy(AccessKeys.Key caller, FormParams params) {
		IamPolicies.ManagedPolicy policy = policy(params);
		return new Xml().open("Policy")
			.leaf("PolicyName", policy.name)
			.leaf("DefaultVersionId", policy.defaultVersionId)
			.leaf("PolicyId", policy.policyId)
			.leaf("Path", policy.path)
			.leaf("Arn", policy.arn)
			.leaf("AttachmentCount", this.policies.attachmentCount(policy.arn))
			.leaf("PermissionsBoundaryUsageCount", 0)
			.leaf("IsAttachable", true)
			.leaf("CreateDate", policy.created)
			.leaf("UpdateDate", policy.updated())
			.close("Policy")
			.toString();
	}

	/** The document is URL-encoded here and only here (API_PolicyVersion: not in Create or List answers). */
	private String getVersion(AccessKeys.Key caller, FormParams params) {
		IamPolicies.ManagedPolicy policy = policy(params);
		IamPolicies.Version version = version(policy, params);
		Xml xml = new Xml().open("PolicyVersion").leaf("Document", PolicyDocument.urlEncoded(version.document()));
		return versionFields(xml, policy, version).close("PolicyVersion").toString();
	}

	/** Newest first, as the CLI example of list-policy-versions shows (v2, then v1). */
	private String listVersions(AccessKeys.Key caller, FormParams params) {
		IamPolicies.ManagedPolicy policy = policy(params);
		List<IamPolicies.Version> versions = new ArrayList<>(policy.versions.values());
		Collections.reverse(versions);
		return Page.write(params, "Versions", versions,
				(xml, version) -> versionFields(xml.open("member"), policy, version).close("member"));
	}

	/**
	 * Too large a document is LimitExceeded 409 "Cannot exceed quota for PolicySize: 6144", white space not
	 * counted (real CreatePolicyVersion output, ministryofjustice/analytical-platform#6873). Whether IAM
	 * checks the size or the version count first is UNCONFIRMED.
	 */
	private String createVersion(AccessKeys.Key caller, FormParams params) {
		IamPolicies.ManagedPolicy policy = policy(params);
		String document = PolicyDocument.validated("policyDocument", params.required("PolicyDocument", "policyDocument"));
		if (PolicyDocument.size(document) > PolicyDocument.MANAGED_POLICY_SIZE) {
			throw SandboxAwsError.limitExceeded("Cannot exceed quota for PolicySize: " + PolicyDocument.MANAGED_POLICY_SIZE);
		}
		if (policy.versions.size() >= IamPolicies.VERSIONS_PER_POLICY) {
			throw SandboxAwsError.limitExceeded("A managed policy can have up to " + IamPolicies.VERSIONS_PER_POLICY
					+ " versions. Before you create a new version, you must delete an existing version.");
		}
		IamPolicies.Version version = policy.addVersion(document, Instant.now(), "true".equals(params.get("SetAsDefault")));
		return versionFields(new Xml().open("PolicyVersion"), policy, version).close("PolicyVersion").toString();
	}

	private String deleteVersion(AccessKeys.Key caller, FormParams params) {
		IamPolicies.ManagedPolicy policy = policy(params);
		IamPolicies.Version version = version(policy, params);
		if (version.id().equals(policy.defaultVersionId)) {
			throw SandboxAwsError.deleteConflict("Cannot delete the default version of a policy.");
		}
		policy.versions.remove(version.id());
		return null;
	}

	private String setDefault(AccessKeys.Key caller, FormParams params) {
		IamPolicies.ManagedPolicy policy = policy(params);
		policy.defaultVersionId = version(policy, params).id();
		return null;
	}

	private static Xml versionFields(Xml xml, IamPolicies.ManagedPolicy policy, IamPolicies.Version version) {
		return xml.leaf("VersionId", version.id())
			.leaf("IsDefaultVersion", version.id().equals(policy.defaultVersionId))
			.leaf("CreateDate", version.created());
	}

}
