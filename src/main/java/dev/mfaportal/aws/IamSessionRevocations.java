package dev.mfaportal.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * {@link SessionRevocations} on IAM's managed-policy versions. IAM returns a version's document URL-encoded
 * (RFC 3986); a managed policy holds at most 6,144 characters (white space not counted) and five versions.
 * A revocation is one read and one new version, so two revocations at once would lose one statement: writes are
 * serialised in this instance, and the caller serialises them across instances.
 */
@Component
class IamSessionRevocations implements SessionRevocations {

	static final int MAX_DOCUMENT_CHARS = 6144;

	static final int MAX_VERSIONS = 5;

	private static final String USERNAME = "aws:username";

	private static final String ISSUE_TIME = "aws:TokenIssueTime";

	private final IamClient iam;

	IamSessionRevocations(IamClient iam) {
		this.iam = iam;
	}

	@Override
	public synchronized void revoke(String policyArn, String iamUserName, Instant before, Instant pruneBefore) {
		ObjectNode document = defaultDocument(policyArn);
		ArrayNode kept = JsonMapper.shared().createArrayNode();
		for (JsonNode statement : statements(document)) {
			boolean revocation = userOf(statement).isPresent();
			boolean stale = issueTimeOf(statement).map((time) -> time.isBefore(pruneBefore)).orElse(false);
			if (!revocation || (!userOf(statement).get().equals(iamUserName) && !stale)) {
				kept.add(statement);
			}
		}
		ObjectNode deny = kept.addObject();
		deny.put("Sid", "RevokeSessions" + kept.size());
		deny.put("Effect", "Deny");
		deny.put("Action", "*");
		deny.put("Resource", "*");
		ObjectNode condition = deny.putObject("Condition");
		condition.putObject("StringEquals").put(USERNAME, iamUserName);
		condition.putObject("DateLessThan").put(ISSUE_TIME, before.toString());
		document.set("Statement", kept);
		String text = JsonMapper.shared().writeValueAsString(document);
		if (text.length() > MAX_DOCUMENT_CHARS) {
			throw new AwsCallException(AwsCallException.Kind.LIMIT_EXCEEDED,
					"The revocation policy would exceed " + MAX_DOCUMENT_CHARS + " characters", null, null, null);
		}
		makeRoomForAVersion(policyArn);
		PortalCalls.call("CreatePolicyVersion", () -> this.iam
			.createPolicyVersion((request) -> request.policyArn(policyArn).policyDocument(text).setAsDefault(true)));
	}

	@Override
	public Optional<Instant> revokedBefore(String policyArn, String iamUserName) {
		for (JsonNode statement : statements(defaultDocument(policyArn))) {
			if (userOf(statement).filter(iamUserName::equals).isPresent()) {
				return issueTimeOf(statement);
			}
		}
		return Optional.empty();
	}

	private void makeRoomForAVersion(String policyArn) {
		List<PolicyVersion> versions = PortalCalls.call("ListPolicyVersions", () -> new ArrayList<>(
				this.iam.listPolicyVersionsPaginator((request) -> request.policyArn(policyArn)).versions().stream().toList()));
		if (versions.size() < MAX_VERSIONS) {
			return;
		}
		versions.stream()
			.filter((version) -> !Boolean.TRUE.equals(version.isDefaultVersion()))
			.min(Comparator.comparing(PolicyVersion::createDate))
			.ifPresent((oldest) -> PortalCalls.call("DeletePolicyVersion", () -> this.iam
				.deletePolicyVersion((request) -> request.policyArn(policyArn).versionId(oldest.versionId()))));
	}

	private ObjectNode defaultDocument(String policyArn) {
		String versionId = PortalCalls.call("GetPolicy", () -> this.iam.getPolicy((request) -> request.policyArn(policyArn)))
			.policy()
			.defaultVersionId();
		String encoded = PortalCalls.call("GetPolicyVersion",
				() -> this.iam.getPolicyVersion((request) -> request.policyArn(policyArn).versionId(versionId)))
			.policyVersion()
			.document();
		JsonNode document = JsonMapper.shared().readTree(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
		if (!(document instanceof ObjectNode object)) {
			throw new AwsCallException(AwsCallException.Kind.OTHER, "The revocation policy is not a JSON object",
					null, null, null);
		}
		return object;
	}

	private static List<JsonNode> statements(JsonNode document) {
		JsonNode statement = document.path("Statement");
		if (statement.isArray()) {
			List<JsonNode> all = new ArrayList<>();
			statement.forEach(all::add);
			return all;
		}
		return statement.isObject() ? List.of(statement) : List.of();
	}

	/** The user a statement of this portal revokes, if it is one. */
	private static Optional<String> userOf(JsonNode statement) {
		JsonNode user = statement.path("Condition").path("StringEquals").path(USERNAME);
		boolean ours = "Deny".equals(statement.path("Effect").asString(""))
				&& statement.path("Condition").path("DateLessThan").has(ISSUE_TIME);
		return (ours && user.isString()) ? Optional.of(user.asString()) : Optional.empty();
	}

	private static Optional<Instant> issueTimeOf(JsonNode statement) {
		JsonNode time = statement.path("Condition").path("DateLessThan").path(ISSUE_TIME);
		try {
			return time.isString() ? Optional.of(Instant.parse(time.asString())) : Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
