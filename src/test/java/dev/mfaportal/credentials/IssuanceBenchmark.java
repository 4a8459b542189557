package dev.mfaportal.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.mfaportal.PortalClient;
import dev.mfaportal.TestClock;
import dev.mfaportal.sandbox.SandboxFault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuance speed, whose results docs/performance.md reports; not part of {@code verify} (run it with
 * {@code -Dbenchmark=true}). In one run against the same sandbox it times, sequentially, a bare SDK
 * {@code GetSessionToken} with alice's key on a warm client and the portal's issuance (the form's POST, over
 * HTTP, as the employee's browser sends it), first as the sandbox answers, then with 30 ms added to every AWS
 * call. The portal's server-side overhead is its time minus the time its own AWS calls took (read from
 * {@code mfa.portal.aws.calls}, so exact per request). Every issuance uses the next 30-second TOTP step, so no
 * code is ever reused.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IssuanceBenchmark extends CredentialsFlowSupport {

	private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 15);

	private static final int RUNS = Integer.getInteger("benchmark.runs", 41);

	/** The sandbox's TOTP clock (not the portal's): one 30-second step further for every code asked for. */
	private final TestClock totpClock = new TestClock();

	@Autowired
	MeterRegistry meters;

	@Test
	void issuanceAgainstBareGetSessionToken() throws IOException {
		this.sandbox.useTotpClock(this.totpClock);
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		List<String> report = new ArrayList<>();
		try (StsClient sts = StsClient.builder()
			.endpointOverride(this.sandbox.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ALICE_KEY_ID, ALICE_SECRET)))
			.build()) {
			for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(30))) {
				this.sandbox.clearFaults();
				if (!latency.isZero()) {
					this.sandbox.inject(SandboxFault.latency(latency));
				}
				measure(report, "bare GetSessionToken, sandbox +" + latency.toMillis() + " ms", () -> {
					bare(sts, serial);
					return 0;
				});
				measure(report, "portal issuance, sandbox +" + latency.toMillis() + " ms", () -> portal(alice, serial));
			}
		}
		finally {
			this.sandbox.reset();
		}
		report.forEach(System.out::println);
		Files.write(Path.of("target", "issuance-benchmark.txt"), report);
	}

	private void bare(StsClient sts, String serial) {
		sts.getSessionToken((request) -> request.serialNumber(serial)
			.tokenCode(nextCode(serial))
			.durationSeconds(3600));
	}

	/** @return nanoseconds the portal spent in AWS calls for this issuance */
	private long portal(PortalClient alice, String serial) {
		Document form = alice.page("/credentials");
		var fields = fields(serial, nextCode(serial), "3600", ALICE_KEY_ID, ALICE_SECRET);
		double awsBefore = awsNanos();
		long callsBefore = awsCalls();
		long started = System.nanoTime();
		int status = alice.submit(form, "form#issue-credentials", fields).statusCode();
		long elapsed = System.nanoTime() - started;
		assertThat(status).isEqualTo(200);
		this.lastCalls = awsCalls() - callsBefore;
		this.lastElapsed = elapsed;
		return (long) (awsNanos() - awsBefore);
	}

	private long lastCalls;

	private long lastElapsed;

	private String nextCode(String serial) {
		this.totpClock.advance(Duration.ofSeconds(30));
		return this.sandbox.devices().freshCode(serial);
	}

	private double awsNanos() {
		return this.meters.find("mfa.portal.aws.calls")
			.timers()
			.stream()
			.mapToDouble((timer) -> timer.totalTime(TimeUnit.NANOSECONDS))
			.sum();
	}

	private long awsCalls() {
		return this.meters.find("mfa.portal.aws.calls").timers().stream().mapToLong(Timer::count).sum();
	}

	private void measure(List<String> report, String name, Run run) {
		List<Double> total = new ArrayList<>();
		List<Double> overhead = new ArrayList<>();
		for (int i = 0; i < WARM_UP + RUNS; i++) {
			this.lastElapsed = -1;
			long started = System.nanoTime();
			long aws = run.once();
			long elapsed = (this.lastElapsed >= 0) ? this.lastElapsed : System.nanoTime() - started;
			if (i >= WARM_UP) {
				total.add(elapsed / 1e6);
				overhead.add((elapsed - aws) / 1e6);
			}
		}
		String calls = (this.lastElapsed >= 0) ? String.format(Locale.ROOT, ", %d AWS calls", this.lastCalls) : "";
		report.add(String.format(Locale.ROOT, "%-40s median %7.2f ms  p90 %7.2f ms  min %7.2f ms%s", name,
				median(total), quantile(total, 0.9), Collections.min(total), calls));
		if (this.lastElapsed >= 0) {
			report.add(String.format(Locale.ROOT, "%-40s median %7.2f ms  p90 %7.2f ms  (portal time minus its AWS calls)",
					"  server-side overhead", median(overhead), quantile(overhead, 0.9)));
		}
	}

	private static double median(List<Double> values) {
		return quantile(values, 0.5);
	}

	private static double quantile(List<Double> values, double q) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get((int) Math.round(q * (sorted.size() - 1)));
	}

	@FunctionalInterface
	private interface Run {

		long once();

	}

}
