package dev.mfaportal.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to check a dashboard query: the metric names it selects, the label names it matches
 * or groups by, and the values it compares labels with. Not a parser; it reads the expressions this
 * repository writes (selectors, range vectors, aggregations with {@code by}, functions, arithmetic).
 *
 * @param metrics the metric names selected
 * @param labels every label name used in a matcher or a {@code by}/{@code without}/{@code on} clause
 * @param matchers each matcher as {@code label op "value"}
 * @param functions the functions and aggregations called
 */
record PromQl(Set<String> metrics, Set<String> labels, List<LabelMatcher> matchers, Set<String> functions) {

	/** Functions and aggregation operators a dashboard query may call. */
	static final Set<String> FUNCTIONS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
			"histogram_quantile", "clamp_min", "topk");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "bool", "offset", "and", "or", "unless");

	private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");

	private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\(([^)]*)\\)");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	/** One label matcher: {@code label}, {@code op} ({@code =}, {@code !=}, {@code =~}, {@code !~}) and value. */
	record LabelMatcher(String label, String op, String value) {
	}

	static PromQl read(String expression) {
		Set<String> labels = new LinkedHashSet<>();
		List<LabelMatcher> matchers = new ArrayList<>();
		Matcher selector = SELECTOR.matcher(expression);
		while (selector.find()) {
			Matcher matcher = MATCHER.matcher(selector.group(1));
			while (matcher.find()) {
				labels.add(matcher.group(1));
				matchers.add(new LabelMatcher(matcher.group(1), matcher.group(2), matcher.group(3)));
			}
		}
		String rest = SELECTOR.matcher(expression).replaceAll(" ");
		Matcher grouping = GROUPING.matcher(rest);
		while (grouping.find()) {
			for (String label : grouping.group(2).split(",")) {
				if (!label.isBlank()) {
					labels.add(label.trim());
				}
			}
		}
		rest = RANGE.matcher(GROUPING.matcher(rest).replaceAll(" ")).replaceAll(" ");
		Set<String> metrics = new LinkedHashSet<>();
		Set<String> functions = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			String name = identifier.group(1);
			if (identifier.group(2) != null) {
				functions.add(name);
			}
			else if (!KEYWORDS.contains(name)) {
				metrics.add(name);
			}
		}
		return new PromQl(metrics, labels, matchers, functions);
	}

}
