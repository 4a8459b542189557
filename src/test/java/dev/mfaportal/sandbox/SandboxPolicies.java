package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The sandbox account's policies, for tests: a managed policy's versions and default document, the users'
 * inline policies, group members, and a shortcut to write a default version without going through the portal.
 */
public final class SandboxPolicies {

	private final IamPolicies policies;

	private final Object lock;

	SandboxPolicies(IamPolicies policies, Object lock) {
		this.policies = policies;
		this.lock = lock;
	}

	/** The document of a managed policy's default version, as it was sent (not URL-encoded). */
	public String defaultDocument(String policyArn) {
		synchronized (this.lock) {
			return this.policies.existingPolicy(policyArn).defaultVersion().document();
		}
	}

	public String defaultVersionId(String policyArn) {
		synchronized (this.lock) {
			return this.policies.existingPolicy(policyArn).defaultVersionId;
		}
	}

	/** A managed policy's version ids, oldest first. */
	public List<String> versionIds(String policyArn) {
		synchronized (this.lock) {
			return List.copyOf(this.policies.existingPolicy(policyArn).versions.keySet());
		}
	}

	/**
	 * Adds a version and makes it the default, as {@code CreatePolicyVersion} with {@code SetAsDefault} would,
	 * ignoring the five-version and size limits; returns its id.
	 */
	public String createDefaultVersion(String policyArn, String document) {
		synchronized (this.lock) {
			PolicyDocument.validated("policyDocument", document);
			return this.policies.existingPolicy(policyArn).addVersion(document, Instant.now(), true).id();
		}
	}

	/** A user's inline policies by name ({@code PutUserPolicy}). */
	public Map<String, String> inlineOf(String iamUserName) {
		synchronized (this.lock) {
			return Map.copyOf(this.policies.inlineOf(iamUserName));
		}
	}

	/** The members of a group, e.g. {@link SandboxAccount#EMPLOYEES_GROUP}. */
	public List<String> groupMembers(String groupName) {
		synchronized (this.lock) {
			return this.policies.group(groupName).map((group) -> List.copyOf(group.members())).orElse(List.of());
		}
	}

}
