package dev.mfaportal.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an awsQuery request body ({@code application/x-www-form-urlencoded}).
 */
final class FormParams {

	private final Map<String, String> values = new LinkedHashMap<>();

	FormParams(String body) {
		if (body.isEmpty()) {
			return;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			this.values.put(decode(name), decode(value));
		}
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	String get(String name) {
		return this.values.get(name);
	}

	String required(String name, String field) {
		String value = this.values.get(name);
		if (value == null) {
			throw SandboxAwsError.validation(field, null, "Member must not be null");
		}
		return value;
	}

	/** {@code UserName}, validated, or the signer's user when it is absent: "defaults to the signer" in the models. */
	String userNameOrSigner(AccessKeys.Key caller) {
		String userName = get("UserName");
		return (userName != null) ? Validation.name("userName", userName) : caller.userName();
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * {@code Tags.member.N.Key/Value} pairs, N from 1; {@code Tags=} (an explicitly empty list) gives none.
	 */
	List<Map.Entry<String, String>> tags(String name) {
		List<Map.Entry<String, String>> tags = new ArrayList<>();
		for (int n = 1; this.values.containsKey(name + ".member." + n + ".Key"); n++) {
			String key = this.values.get(name + ".member." + n + ".Key");
			String value = this.values.getOrDefault(name + ".member." + n + ".Value", "");
			tags.add(Map.entry(key, value));
		}
		return tags;
	}

	/** {@code MaxItems}, 1–1000, default 100. */
	int maxItems() {
		String text = get("MaxItems");
		if (text == null) {
			return 100;
		}
		int value;
		try {
			value = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw SandboxAwsError.validation("maxItems", text, "Member must be a number");
		}
		if (value < 1 || value > 1000) {
			throw SandboxAwsError.validation("maxItems", text,
					"Member must have value greater than or equal to 1 and less than or equal to 1000");
		}
		return value;
	}

}
