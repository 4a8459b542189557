package dev.mfaportal.deploy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import dev.mfaportal.PortalClient;
import dev.mfaportal.deploy.LoadScene.LoadEmployee;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page latency and throughput under load, whose results docs/performance.md reports; not part of {@code verify}.
 * Run it with
 * <pre>
 * ./mvnw -B -o test -Dtest=PageLoadBenchmark -Dbenchmark=true
 * </pre>
 * {@code load.employees} (50) employees, each on a thread of its own with a cookie jar and an address of its own,
 * go round without pause for {@code load.seconds} (120) after {@code load.warmupSeconds} (30) of the same load
 * that is not counted: open the sign-in page, sign in, list their MFA devices, open the credentials form, issue
 * one-hour credentials with their own key and a fresh code, sign out. Every request goes over real HTTP to a
 * portal started for the run (its own embedded PostgreSQL, the sandbox AWS account). Figures go to stdout and
 * {@code target/page-load.txt}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PageLoadBenchmark {

	private static final Log logger = LogFactory.getLog(PageLoadBenchmark.class);


	private static final int EMPLOYEES = Integer.getInteger("load.employees", 50);

	private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("load.warmupSeconds", 30));

	private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("load.seconds", 120));

	/** How many times faster than real time the sandbox's TOTP runs (see {@link LoadScene#fastTotpClock}). */
	private static final int TOTP_SPEED = Integer.getInteger("load.totpSpeed", 2);

	private final List<String> report = new ArrayList<>();

	@Test
	void employeesSignInListDevicesAndIssueCredentials() throws Exception {
		SandboxAccount sandbox = SandboxAwsConfiguration.sandbox();
		List<LoadEmployee> employees = LoadScene.seed(sandbox, EMPLOYEES);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
				ConfigurableApplicationContext portal = LoadScene.portal(postgres.getJdbcUrl("postgres", "postgres"),
						employees)) {
			int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
			sandbox.useTotpClock(LoadScene.fastTotpClock(TOTP_SPEED));
			print("machine: %d cores, max heap %d MiB; %d employees, %d s warm-up, %d s measured, TOTP %dx"
				.formatted(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, EMPLOYEES,
						WARM_UP.toSeconds(), MEASURED.toSeconds(), TOTP_SPEED));
			print("load average before: " + loadAverage());
			LoadResults results = run(port, employees, sandbox);
			print("load average after: " + loadAverage());
			results.report(MEASURED.toMillis() / 1000.0).forEach(this::print);
			LoadMeters.report(portal.getBean(MeterRegistry.class)).forEach(this::print);
			JdbcClient jdbc = JdbcClient.create(portal.getBean(DataSource.class));
			print("audit rows: " + jdbc.sql("SELECT action || ' ' || outcome || ' ' || count(*) FROM audit_event "
					+ "GROUP BY action, outcome ORDER BY action, outcome").query(String.class).list());
			Files.write(Path.of("target", "page-load.txt"), this.report);
			assertThat(results.rounds()).as("rounds completed in the measured window").isPositive();
		}
		finally {
			sandbox.useTotpClock(Clock.systemUTC());
		}
	}

	private LoadResults run(int port, List<LoadEmployee> employees, SandboxAccount sandbox) throws InterruptedException {
		long warmUpEnds = System.nanoTime() + WARM_UP.toNanos();
		long ends = warmUpEnds + MEASURED.toNanos();
		List<LoadResults> parts = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(employees.size());
		for (LoadEmployee employee : employees) {
			LoadResults part = new LoadResults(warmUpEnds, ends);
			parts.add(part);
			Thread thread = new Thread(() -> {
				try {
					PortalClient browser = browser(port, employee);
					while (System.nanoTime() < ends) {
						if (!new LoadRound(browser, employee, sandbox, part).run()) {
							// Whatever state the failed round left (signed in, half a form) goes with its cookies.
							browser = browser(port, employee);
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "load-" + employee.login());
			thread.start();
		}
		done.await();
		return LoadResults.merge(parts);
	}

	/** A browser of its own for each employee, kept across rounds as a browser keeps its connections. */
	private static PortalClient browser(int port, LoadEmployee employee) {
		return PortalClient.followingRedirectsFrom(port, employee.address());
	}

	private static String loadAverage() {
		return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private void print(String line) {
		logger.info("[benchmark] " + line);
		this.report.add(line);
	}

}
