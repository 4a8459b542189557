package dev.mfaportal.sandbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A policy statement's {@code Condition} block against a request context, with the operators the sandbox
 * models (IAM JSON policy elements: Condition operators). Every operator must hold, every key within one;
 * a key holds when any of its values matches. A key missing from the request context does not match,
 * except with {@code …IfExists}, a negated operator or {@code Null} (same page, and aws:TokenIssueTime
 * "is only present in the context of AWS requests that are signed with temporary security credentials").
 * An operator the sandbox does not model fails loudly rather than being ignored.
 */
final class PolicyConditions {

	private static final Map<String, BiPredicate<String, String>> OPERATORS = Map.ofEntries(
			Map.entry("StringEquals", String::equals),
			Map.entry("StringNotEquals", String::equals),
			Map.entry("StringEqualsIgnoreCase", String::equalsIgnoreCase),
			Map.entry("StringNotEqualsIgnoreCase", String::equalsIgnoreCase),
			Map.entry("StringLike", (actual, value) -> wildcard(value, actual, false)),
			Map.entry("StringNotLike", (actual, value) -> wildcard(value, actual, false)),
			Map.entry("DateEquals", dates((order) -> order == 0)),
			Map.entry("DateNotEquals", dates((order) -> order == 0)),
			Map.entry("DateLessThan", dates((order) -> order < 0)),
			Map.entry("DateLessThanEquals", dates((order) -> order <= 0)),
			Map.entry("DateGreaterThan", dates((order) -> order > 0)),
			Map.entry("DateGreaterThanEquals", dates((order) -> order >= 0)),
			Map.entry("Bool", String::equalsIgnoreCase));

	private PolicyConditions() {
	}

	/** @param context the request's condition keys, lower-cased (condition key names are case-insensitive) */
	static boolean hold(JsonNode condition, Map<String, String> context) {
		if (condition == null) {
			return true;
		}
		for (Map.Entry<String, JsonNode> operator : condition.properties()) {
			for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
				String actual = context.get(key.getKey().toLowerCase(Locale.ROOT));
				if (!holds(operator.getKey(), actual, PolicyDocument.strings(key.getValue()))) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean holds(String operator, String actual, List<String> values) {
		if (operator.equals("Null")) {
			return values.stream().anyMatch((value) -> Boolean.parseBoolean(value) == (actual == null));
		}
		boolean ifExists = operator.endsWith("IfExists");
		String name = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
		BiPredicate<String, String> test = OPERATORS.get(name);
		if (test == null) {
			throw new IllegalStateException("The sandbox does not model the condition operator " + operator);
		}
		boolean negated = name.contains("Not");
		if (actual == null) {
			return ifExists || negated;
		}
		boolean anyMatches = values.stream().anyMatch((value) -> test.test(actual, value));
		return negated != anyMatches;
	}

	/** {@code *} any run of characters, {@code ?} any one character (StringLike; also Action and Resource). */
	static boolean wildcard(String pattern, String value, boolean ignoreCase) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0))
			.matcher(value)
			.matches();
	}

	/** Dates as ISO 8601 or epoch seconds (Condition operators: Date); an unreadable value never matches. */
	private static BiPredicate<String, String> dates(IntPredicate order) {
		return (actual, value) -> {
			Instant left = instant(actual);
			Instant right = instant(value);
			return left != null && right != null && order.test(left.compareTo(right));
		};
	}

	private static Instant instant(String text) {
		try {
			return text.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(text)) : OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return null;
		}
	}

}
