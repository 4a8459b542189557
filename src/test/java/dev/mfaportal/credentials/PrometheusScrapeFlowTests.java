package dev.mfaportal.credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.deploy.PortalMeters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} after issuances: the portal's meters are there with the tags the Grafana dashboard
 * reads (docs/grafana), counted from what happened. On the employees' port (the demo's set-up) only an admin
 * may read them.
 */
class PrometheusScrapeFlowTests extends CredentialsFlowSupport {

	private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{(.*)})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Test
	void scrapeAfterAnIssuanceAndAWrongCodeThenMetersCarryOutcomeReasonKeySourceAndAwsAction() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		assertThat(issue(alice, oneHourWithAlicesKey(serial)).statusCode()).isEqualTo(200);
		String wrong = this.sandbox.devices().freshCode(serial).equals("000000") ? "111111" : "000000";
		issue(alice, fields(serial, wrong, "3600", ALICE_KEY_ID, ALICE_SECRET));

		List<Sample> samples = scrape();

		assertThat(value(samples, "mfa_portal_issuances_total",
				Map.of("outcome", "success", "reason", "none", "key_source", "employee")))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(samples, "mfa_portal_issuances_total", Map.of("outcome", "failure", "reason", "wrong-code")))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(samples, "mfa_portal_aws_calls_seconds_count",
				Map.of("action", "GetSessionToken", "outcome", "success")))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(samples, "mfa_portal_aws_calls_seconds_count",
				Map.of("action", "GetSessionToken", "outcome", "failure")))
			.isGreaterThanOrEqualTo(1);
		assertThat(samples).anyMatch((sample) -> sample.name().equals("mfa_portal_aws_calls_seconds_bucket")
				&& sample.labels().containsKey("le") && "GetCallerIdentity".equals(sample.labels().get("action")));
		assertThat(value(samples, "mfa_portal_audit_writes_seconds_count", Map.of())).isGreaterThanOrEqualTo(4);
		assertThat(value(samples, "mfa_portal_audit_failures_total", Map.of())).isGreaterThanOrEqualTo(0);
		assertThat(value(samples, "mfa_portal_sweeper_removed_total", Map.of())).isGreaterThanOrEqualTo(0);
		assertThat(value(samples, "mfa_portal_reconciler_removed_total", Map.of())).isGreaterThanOrEqualTo(0);
		assertThat(value(samples, "mfa_portal_sessions_active", Map.of())).isGreaterThanOrEqualTo(2);
	}

	@Test
	void scrapeThenEveryPortalSeriesCarriesExactlyTheLabelsTheDashboardUses() {
		String serial = newDevice("alice");
		assertThat(issue(signIn("alice"), oneHourWithAlicesKey(serial)).statusCode()).isEqualTo(200);

		for (Sample sample : scrape()) {
			if (!sample.name().startsWith("mfa_portal_")) {
				continue;
			}
			PortalMeters.Meter meter = PortalMeters.bySeries().get(sample.name());
			assertThat(meter).as(sample.name() + " is a meter the dashboard knows").isNotNull();
			assertThat(sample.labels().keySet()).as(sample.name()).isEqualTo(meter.labels(sample.name()));
		}
	}

	@Test
	void scrapeOnTheEmployeesPortWithoutAdminThenNoMeters() {
		Page anonymous = PortalClient.notFollowingRedirects(this.port).get("/actuator/prometheus");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");
		Page employee = signIn("bob").get("/actuator/prometheus");
		assertThat(employee.status()).isEqualTo(403);
		assertThat(employee.body()).doesNotContain("mfa_portal_");
	}

	private List<Sample> scrape() {
		Page page = signIn("admin").get("/actuator/prometheus");
		assertThat(page.status()).isEqualTo(200);
		List<Sample> samples = new ArrayList<>();
		for (String line : page.body().split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		}
		return samples;
	}

	/** The value of the one series of {@code name} whose labels include {@code labels}. */
	private static double value(List<Sample> samples, String name, Map<String, String> labels) {
		List<Sample> matching = samples.stream()
			.filter((sample) -> sample.name().equals(name)
					&& sample.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
		assertThat(matching).as(name + labels).hasSize(1);
		return matching.get(0).value();
	}

	private record Sample(String name, Map<String, String> labels, double value) {
	}

}
