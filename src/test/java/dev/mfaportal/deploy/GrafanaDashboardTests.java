package dev.mfaportal.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mfaportal.deploy.PortalMeters.Meter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/grafana/mfa-portal-dashboard.json is built on the portal's meters and nothing else: every query
 * names only series of {@link PortalMeters}, with their own labels, and every meter has a panel.
 */
class GrafanaDashboardTests {

	private static final Path DASHBOARD = Path.of("docs/grafana/mfa-portal-dashboard.json");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([\\w:]+)\\s*,\\s*(\\w+)\\s*\\)");

	private final JsonNode dashboard = JsonMapper.shared().readTree(DASHBOARD.toFile());

	private final Map<String, Meter> series = PortalMeters.bySeries();

	@Test
	void dashboardWhenImportedThenEveryPanelHasAnIdATitleAndTheDatasourceVariable() {
		assertThat(this.dashboard.path("uid").asString()).isNotBlank();
		assertThat(this.dashboard.path("templating").path("list").findValuesAsString("name")).contains("datasource",
				"instance");
		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : panels()) {
			assertThat(ids.add(panel.path("id").asInt())).as("unique id " + panel.path("id")).isTrue();
			assertThat(panel.path("title").asString()).isNotBlank();
			assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
			if (!"row".equals(panel.path("type").asString())) {
				assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
					.isEqualTo("${datasource}");
				assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asString()).isFalse();
			}
		}
	}

	@Test
	void queriesWhenReadThenNameOnlyThePortalsMetersWithTheirOwnLabels() {
		List<String> expressions = expressions();
		assertThat(expressions).isNotEmpty();
		for (String expression : expressions) {
			PromQl query = PromQl.read(expression);
			assertThat(query.metrics()).as(expression).isNotEmpty().isSubsetOf(this.series.keySet());
			assertThat(query.functions()).as(expression).isSubsetOf(PromQl.FUNCTIONS);
			Set<String> allowed = new HashSet<>(PortalMeters.TARGET_LABELS);
			query.metrics().forEach((name) -> allowed.addAll(this.series.get(name).labels(name)));
			assertThat(query.labels()).as(expression).isSubsetOf(allowed);
			query.matchers()
				.stream()
				.filter((matcher) -> matcher.label().equals("outcome"))
				.forEach((matcher) -> assertThat(PortalMeters.OUTCOMES).as(expression).contains(matcher.value()));
		}
		for (JsonNode variable : this.dashboard.path("templating").path("list")) {
			String query = variable.path("query").isObject() ? variable.path("query").path("query").asString()
					: variable.path("query").asString();
			Matcher labelValues = LABEL_VALUES.matcher(query);
			if (labelValues.matches()) {
				assertThat(this.series).as(query).containsKey(labelValues.group(1));
				assertThat(PortalMeters.TARGET_LABELS).as(query).contains(labelValues.group(2));
			}
		}
	}

	@Test
	void metersWhenScrapedThenEachHasAPanel() {
		Set<Meter> shown = new HashSet<>();
		expressions().forEach((expression) -> PromQl.read(expression).metrics().forEach((name) -> shown.add(this.series.get(name))));
		assertThat(shown).containsExactlyInAnyOrderElementsOf(PortalMeters.ALL);
	}

	@Test
	void awsLatencyWhenShownThenP50AndP99PerActionFromTheHistogram() {
		List<String> latency = expressions().stream()
			.filter((expression) -> expression.contains("mfa_portal_aws_calls_seconds_bucket"))
			.toList();
		assertThat(latency).anyMatch((expression) -> expression.startsWith("histogram_quantile(0.5,"))
			.anyMatch((expression) -> expression.startsWith("histogram_quantile(0.99,"))
			.allSatisfy((expression) -> assertThat(PromQl.read(expression).labels()).contains("le", "action"));
	}

	@Test
	void checkWhenAQueryNamesAMisspeltMeterOrAForeignLabelThenItIsFound() {
		PromQl query = PromQl.read(
				"sum by (outcome, region) (rate(mfa_portal_issuance_total{instance=~\"$instance\", outcome!=\"ok\"}[$__rate_interval]))");
		assertThat(query.metrics()).containsExactly("mfa_portal_issuance_total");
		assertThat(this.series).doesNotContainKey("mfa_portal_issuance_total");
		assertThat(query.labels()).containsExactlyInAnyOrder("instance", "outcome", "region");
		assertThat(query.matchers()).extracting(PromQl.LabelMatcher::value).contains("ok");
		assertThat(query.functions()).containsExactlyInAnyOrder("sum", "rate");
	}

	private List<JsonNode> panels() {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : this.dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

	private List<String> expressions() {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : panels()) {
			panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asString()));
		}
		return expressions;
	}

}
