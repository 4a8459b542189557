package dev.mfaportal.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IAM policy documents as the sandbox reads them: the model's character constraints, the size quotas
 * (white space not counted), a structural check, the statements, and the URL encoding IAM answers with.
 */
final class PolicyDocument {

	/** "The size of each managed policy cannot exceed 6,144 characters" (reference_iam-quotas). */
	static final int MANAGED_POLICY_SIZE = 6144;

	/** "User policy size cannot exceed 2,048 characters", all inline policies of a user together (same page). */
	static final int USER_INLINE_SIZE = 2048;

	/** The model's policyDocumentType: 1–131072 characters, tab, LF, CR and U+0020 to U+00FF. */
	private static final Pattern CHARACTERS = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]{1,131072}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PolicyDocument() {
	}

	/**
	 * Checks a document the way IAM does before storing it. Not JSON, or a statement without a valid Effect
	 * or Action, gives {@code MalformedPolicyDocument} "Syntax errors in policy." (real output for a
	 * non-JSON document: 99designs/iamy#74, awslabs/ec2-spot-labs#25; which structural faults give which
	 * of IAM's several messages is UNCONFIRMED).
	 */
	static String validated(String field, String document) {
		if (!CHARACTERS.matcher(document).matches()) {
			throw SandboxAwsError.validation(field, document,
					"Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
		}
		statements(document);
		return document;
	}

	/** "IAM does not count white space when calculating the size of a policy" (reference_iam-quotas). */
	static int size(String document) {
		return (int) document.chars().filter((c) -> !Character.isWhitespace(c)).count();
	}

	/**
	 * The statements of a valid document ({@code Statement} is one object or an array of them).
	 * @throws SandboxAwsError MalformedPolicyDocument when the document is not a policy
	 */
	static List<JsonNode> statements(String document) {
		JsonNode root;
		try {
			root = JSON.readTree(document);
		}
		catch (JacksonException ex) {
			throw malformed();
		}
		JsonNode statement = (root != null && root.isObject()) ? root.get("Statement") : null;
		if (statement == null) {
			throw malformed();
		}
		List<JsonNode> statements = new ArrayList<>();
		if (statement.isArray()) {
			statement.forEach(statements::add);
		}
		else {
			statements.add(statement);
		}
		for (JsonNode each : statements) {
			JsonNode effect = each.isObject() ? each.get("Effect") : null;
			boolean validEffect = effect != null && ("Allow".equals(effect.asString()) || "Deny".equals(effect.asString()));
			if (!validEffect || (!each.has("Action") && !each.has("NotAction"))) {
				throw malformed();
			}
		}
		return statements;
	}

	/**
	 * How GetPolicyVersion returns a document: "URL-encoded compliant with RFC 3986" (API_PolicyVersion). The
	 * user guide's PowerShell example shows {@code %7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C…},
	 * white space kept as sent; only RFC 3986's unreserved characters stay as they are (whether IAM also
	 * leaves {@code *} unencoded is UNCONFIRMED).
	 */
	static String urlEncoded(String document) {
		return Rfc3986.encode(document);
	}

	/** A string or an array of strings, as policy elements and condition values are written. */
	static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node == null) {
			return values;
		}
		if (node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		else {
			values.add(node.asString());
		}
		return values;
	}

	private static SandboxAwsError malformed() {
		return new SandboxAwsError(400, "MalformedPolicyDocument", "Syntax errors in policy.");
	}

}
