package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account's customer-managed policies with their versions, its groups (members and attached
 * policies), and the users' inline policies. Callers hold the account's lock.
 */
final class IamPolicies {

	/** IAM quotas: "Versions of a managed policy that can be stored: 5" (reference_iam-quotas). */
	static final int VERSIONS_PER_POLICY = 5;

	private final String accountId;

	private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();

	private final Map<String, Group> groups = new LinkedHashMap<>();

	private final Map<String, TreeMap<String, String>> inline = new HashMap<>();

	IamPolicies(String accountId) {
		this.accountId = accountId;
	}

	/** A customer-managed policy with {@code document} as its v1, the default (managed-versioning). */
	ManagedPolicy putPolicy(String path, String name, String policyId, String document, Instant created) {
		String arn = "arn:aws:iam::" + this.accountId + ":policy" + path + name;
		ManagedPolicy policy = new ManagedPolicy(arn, name, path, policyId, created);
		policy.addVersion(document, created, true);
		this.policies.put(arn, policy);
		return policy;
	}

	Optional<ManagedPolicy> policy(String arn) {
		return Optional.ofNullable(this.policies.get(arn));
	}

	/** Real output: {@code NoSuchEntity: Policy arn:aws:iam::…:policy/x was not found.} 404 (GetPolicy). */
	ManagedPolicy existingPolicy(String arn) {
		return policy(arn).orElseThrow(() -> SandboxAwsError.noSuchEntity("Policy " + arn + " was not found."));
	}

	void putGroup(String name, String policyArn) {
		Group group = new Group(name, new LinkedHashSet<>(), new ArrayList<>(List.of(policyArn)));
		this.groups.put(name, group);
	}

	void addMember(String groupName, String userName) {
		this.groups.get(groupName).members().add(userName);
	}

	Optional<Group> group(String name) {
		return Optional.ofNullable(this.groups.get(name));
	}

	/** The managed policies that apply to a user through its groups. */
	List<ManagedPolicy> attachedThroughGroups(String userName) {
		return this.groups.values()
			.stream()
			.filter((group) -> group.members().contains(userName))
			.flatMap((group) -> group.policyArns().stream())
			.distinct()
			.flatMap((arn) -> policy(arn).stream())
			.toList();
	}

	long attachmentCount(String policyArn) {
		return this.groups.values().stream().filter((group) -> group.policyArns().contains(policyArn)).count();
	}

	/** A user's inline policies by name. */
	Map<String, String> inlineOf(String userName) {
		return this.inline.getOrDefault(userName, new TreeMap<>());
	}

	void putInline(String userName, String policyName, String document) {
		this.inline.computeIfAbsent(userName, (name) -> new TreeMap<>()).put(policyName, document);
	}

	boolean removeInline(String userName, String policyName) {
		TreeMap<String, String> policies = this.inline.get(userName);
		return policies != null && policies.remove(policyName) != null;
	}

	void clear() {
		this.policies.clear();
		this.groups.clear();
		this.inline.clear();
	}

	/**
	 * A customer-managed policy. Version ids are never reused: "When you delete a version, the version
	 * identifiers for the remaining versions do not change … v1, v3, v5, v6, and v7" (IAM User Guide,
	 * Versioning IAM policies).
	 */
	static final class ManagedPolicy {

		final String arn;

		final String name;

		final String path;

		final String policyId;

		final Instant created;

		final LinkedHashMap<String, Version> versions = new LinkedHashMap<>();

		String defaultVersionId;

		private int lastVersion;

		ManagedPolicy(String arn, String name, String path, String policyId, Instant created) {
			this.arn = arn;
			this.name = name;
			this.path = path;
			this.policyId = policyId;
			this.created = created;
		}

		Version addVersion(String document, Instant now, boolean setAsDefault) {
			Version version = new Version("v" + (++this.lastVersion), document, now);
			this.versions.put(version.id(), version);
			if (setAsDefault || this.defaultVersionId == null) {
				this.defaultVersionId = version.id();
			}
			return version;
		}

		Version defaultVersion() {
			return this.versions.get(this.defaultVersionId);
		}

		/**
		 * The model's UpdateDate: the creation date with one version, otherwise when "the most recent policy
		 * version was created" (API_Policy).
		 */
		Instant updated() {
			return this.versions.values().stream().map(Version::created).max(Instant::compareTo).orElse(this.created);
		}

		Optional<Version> version(String id) {
			return Optional.ofNullable(this.versions.get(id));
		}

	}

	/**
	 * One version of a managed policy, its document as it was sent.
	 */
	record Version(String id, String document, Instant created) {
	}

	/**
	 * An IAM group: its members and the managed policies attached to it.
	 */
	record Group(String name, Set<String> members, List<String> policyArns) {
	}

}
