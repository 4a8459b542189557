package dev.mfaportal.deploy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.mfaportal.PortalClient;
import dev.mfaportal.TestClock;
import dev.mfaportal.deploy.LoadScene.LoadEmployee;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;
import dev.mfaportal.sandbox.SandboxFault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuance speed, whose results docs/performance.md reports; not part of {@code verify}. Run it with
 * <pre>
 * ./mvnw -B -o test -Dtest=IssuanceBenchmark -Dbenchmark=true
 * </pre>
 * The portal is started as {@link PageLoadBenchmark} starts it, with settings only (its own embedded PostgreSQL,
 * the sandbox AWS account, none of the flow tests' spies or short AWS time limits), and signed in to over real
 * HTTP by one employee. In one run against the same sandbox it times, sequentially, a bare SDK
 * {@code GetSessionToken} with the employee's key on a warm client and the portal's issuance (the form's POST,
 * as the employee's browser sends it), first as the sandbox answers, then with 30 ms added to every AWS call.
 * <p>
 * The portal's server-side overhead is its own time for the POST ({@code http.server.requests}) minus the time its
 * AWS calls took ({@code mfa.portal.aws.calls}), both read from its meters before and after each request, so
 * exact per request. Every code is of a later 30-second TOTP step and differs from every code used before in the
 * run: the portal refuses a serial and code pair it saw within the claim lifetime, whatever the step (S15).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IssuanceBenchmark {

	private static final Log logger = LogFactory.getLog(IssuanceBenchmark.class);

	/** The JIT needs a few hundred requests: with 15 the figures were those of a half-compiled portal. */
	private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 300);

	private static final int RUNS = Integer.getInteger("benchmark.runs", 201);

	/** The sandbox latencies to measure at, in milliseconds ({@code -Dbenchmark.latencies=0} to profile one). */
	private static final List<Duration> LATENCIES = Arrays
		.stream(System.getProperty("benchmark.latencies", "0,30").split(","))
		.map((millis) -> Duration.ofMillis(Long.parseLong(millis.trim())))
		.toList();

	/** The sandbox's TOTP clock (not the portal's): a 30-second step further for every code asked for. */
	private final TestClock totpClock = new TestClock();

	private final Set<String> usedCodes = new HashSet<>();

	private final List<String> report = new ArrayList<>();

	@Test
	void issuanceAgainstBareGetSessionToken() throws IOException {
		SandboxAccount sandbox = SandboxAwsConfiguration.sandbox();
		LoadEmployee employee = LoadScene.seed(sandbox, 1).get(0);
		sandbox.useTotpClock(this.totpClock);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
				ConfigurableApplicationContext portal = LoadScene.portal(postgres.getJdbcUrl("postgres", "postgres"),
						List.of(employee));
				StsClient sts = StsClient.builder()
					.endpointOverride(sandbox.endpoint())
					.region(Region.US_EAST_1)
					.credentialsProvider(StaticCredentialsProvider
						.create(AwsBasicCredentials.create(employee.accessKeyId(), employee.secretAccessKey())))
					.build()) {
			int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
			Issuance issuance = new Issuance(PortalClient.followingRedirects(port).signIn(employee.login(),
					employee.login()), employee, portal.getBean(MeterRegistry.class), sandbox);
			print("machine: %d cores, max heap %d MiB, Java %s; %d warm-up and %d measured calls per figure".formatted(
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
					System.getProperty("java.version"), WARM_UP, RUNS));
			print("load average before: " + loadAverage());
			for (Duration latency : LATENCIES) {
				sandbox.clearFaults();
				if (!latency.isZero()) {
					sandbox.inject(SandboxFault.latency(latency));
				}
				String at = "sandbox +" + latency.toMillis() + " ms";
				measure("bare GetSessionToken, " + at, () -> bare(sts, sandbox, employee.serial()));
				measure("portal issuance, " + at, issuance::once);
			}
			print("load average after: " + loadAverage());
		}
		finally {
			sandbox.clearFaults();
			sandbox.useTotpClock(Clock.systemUTC());
		}
		Files.write(Path.of("target", "issuance-benchmark.txt"), this.report);
	}

	private Timing bare(StsClient sts, SandboxAccount sandbox, String serial) {
		String code = nextCode(sandbox, serial);
		long started = System.nanoTime();
		sts.getSessionToken((request) -> request.serialNumber(serial).tokenCode(code).durationSeconds(3600));
		return new Timing(System.nanoTime() - started, -1, 0, 1);
	}

	private String nextCode(SandboxAccount sandbox, String serial) {
		String code;
		do {
			this.totpClock.advance(Duration.ofSeconds(30));
			code = sandbox.devices().freshCode(serial);
		}
		while (!this.usedCodes.add(code));
		return code;
	}

	private void measure(String name, Run run) {
		List<Double> waited = new ArrayList<>();
		List<Double> served = new ArrayList<>();
		List<Double> overhead = new ArrayList<>();
		Timing last = null;
		for (int i = 0; i < WARM_UP + RUNS; i++) {
			last = run.once();
			if (i >= WARM_UP) {
				waited.add(last.waitedNanos() / 1e6);
				if (last.servedNanos() >= 0) {
					served.add(last.servedNanos() / 1e6);
					overhead.add((last.servedNanos() - last.awsNanos()) / 1e6);
				}
			}
		}
		print(String.format(Locale.ROOT, "%-42s median %7.2f ms  p90 %7.2f ms  min %7.2f ms  (%d AWS calls)", name,
				quantile(waited, 0.5), quantile(waited, 0.9), Collections.min(waited), last.awsCalls()));
		if (!served.isEmpty()) {
			print(String.format(Locale.ROOT, "%-42s median %7.2f ms  p90 %7.2f ms", "  of which the portal served it",
					quantile(served, 0.5), quantile(served, 0.9)));
			print(String.format(Locale.ROOT, "%-42s median %7.2f ms  p90 %7.2f ms", "  server-side overhead (minus AWS)",
					quantile(overhead, 0.5), quantile(overhead, 0.9)));
		}
	}

	private static double quantile(List<Double> values, double q) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get((int) Math.round(q * (sorted.size() - 1)));
	}

	private static String loadAverage() {
		return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private void print(String line) {
		logger.info("[benchmark] " + line);
		this.report.add(line);
	}

	/**
	 * One measured call: what the caller waited, what the portal's own timer saw ({@code -1} for the bare call),
	 * and the time and number of the portal's AWS calls.
	 */
	private record Timing(long waitedNanos, long servedNanos, long awsNanos, long awsCalls) {
	}

	@FunctionalInterface
	private interface Run {

		Timing once();

	}

	/** The employee's issuance through the portal: open the form (not timed), then post it (timed). */
	private final class Issuance {

		private final PortalClient browser;

		private final LoadEmployee employee;

		private final MeterRegistry meters;

		private final SandboxAccount sandbox;

		Issuance(PortalClient browser, LoadEmployee employee, MeterRegistry meters, SandboxAccount sandbox) {
			this.browser = browser;
			this.employee = employee;
			this.meters = meters;
			this.sandbox = sandbox;
		}

		Timing once() {
			Document form = this.browser.page("/credentials");
			Map<String, String> fields = this.employee.issuance(nextCode(this.sandbox, this.employee.serial()));
			double servedBefore = total(postsOfTheForm());
			double awsBefore = total(awsCalls());
			long callsBefore = count(awsCalls());
			long started = System.nanoTime();
			HttpResponse<String> answer = this.browser.submit(form, "form#issue-credentials", fields);
			long waited = System.nanoTime() - started;
			assertThat(answer.statusCode()).as(answer::body).isEqualTo(200);
			return new Timing(waited, (long) (total(postsOfTheForm()) - servedBefore),
					(long) (total(awsCalls()) - awsBefore), count(awsCalls()) - callsBefore);
		}

		private Search postsOfTheForm() {
			return this.meters.find("http.server.requests").tag("method", "POST").tag("uri", "/credentials");
		}

		private Search awsCalls() {
			return this.meters.find("mfa.portal.aws.calls");
		}

		private static double total(Search timers) {
			return timers.timers().stream().mapToDouble((timer) -> timer.totalTime(TimeUnit.NANOSECONDS)).sum();
		}

		private static long count(Search timers) {
			return timers.timers().stream().mapToLong(Timer::count).sum();
		}

	}

}
