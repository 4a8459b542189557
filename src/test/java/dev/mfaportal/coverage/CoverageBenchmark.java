package dev.mfaportal.coverage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import dev.mfaportal.MfaPortalApplication;
import dev.mfaportal.PortalClient;
import dev.mfaportal.audit.PortalActivity;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage page's benchmark, whose results docs/performance.md reports; not part of {@code verify}. Run it with
 * <pre>
 * ./mvnw -B -o test -Dtest=CoverageBenchmark -Dbenchmark=true -Dbenchmark.users=50000 -Dbenchmark.auditRows=2000000 -DargLine=-Xmx512m
 * </pre>
 * It starts its own embedded PostgreSQL 17, loads an audit log of {@code benchmark.auditRows} events over one year
 * for the users, builds a 22-column credential report of {@code benchmark.users} users, times the parser, stores the
 * report as the refresh would, then starts the real portal on that database and times {@code /admin/coverage} over
 * HTTP: the first page (parse, scope, the audit join, render) and the cached pages after it, filters and sorts, and
 * the CSV export of every row. Figures go to stdout and {@code target/coverage-benchmark.txt}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CoverageBenchmark {

	private static final Log logger = LogFactory.getLog(CoverageBenchmark.class);

	static final int RUNS = 21;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
		.withZone(ZoneOffset.UTC);

	final List<String> report = new ArrayList<>();

	@Test
	void benchmark() throws Exception {
		int users = Integer.getInteger("benchmark.users", 50_000);
		long auditRows = Long.getLong("benchmark.auditRows", 2_000_000L);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("shared_buffers", "512MB")
			.setServerConfig("work_mem", "64MB")
			.setServerConfig("timezone", "UTC")
			.start(); HikariDataSource dataSource = new HikariDataSource()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			dataSource.setJdbcUrl(url);
			dataSource.setUsername("postgres");
			JdbcClient jdbc = JdbcClient.create(dataSource);
			print("machine: %d cores, max heap %d MiB, load average %.1f".formatted(
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
			Flyway.configure().dataSource(dataSource).load().migrate();
			long start = System.nanoTime();
			loadAudit(jdbc, users, auditRows);
			print("audit log: %,d events for %,d IAM users in %.1f s".formatted(auditRows, users, seconds(start)));

			byte[] csv = credentialReport(users);
			print("credential report: %,d users, %,d bytes".formatted(users, csv.length));
			time("parse the report (CredentialReportParser)", () -> CredentialReportParser.parse(csv).size());
			List<String> names = CredentialReportParser.parse(csv).stream().map(ReportUser::userName).toList();
			StoredReport stored = new StoredReport(Instant.now().minus(2, ChronoUnit.HOURS), Instant.now(), csv,
					"/employees/", names, names.stream().map((name) -> hasMfa(name) ? 1 : 0).toList());
			time("parse and scope (ScopedReport.of)", () -> ScopedReport.of(stored).users().size());
			new ReportStore(jdbc).save(stored);

			try (ConfigurableApplicationContext portal = portal(url)) {
				int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
				page(portal, port, users);
				// The next report, as the background refresh stores it four hours later: one page parses it.
				new ReportStore(jdbc).save(new StoredReport(stored.generatedAt().plus(4, ChronoUnit.HOURS),
						Instant.now(), csv, stored.scopePath(), stored.scopeUsers(), stored.scopeDevices()));
				PortalClient admin = PortalClient.signedIn(port, "admin");
				long start2 = System.nanoTime();
				admin.page("/admin/coverage");
				print("first page after a new report (load, parse, join with the activity already read): %.1f ms"
					.formatted(millis(start2)));
			}
		}
		Files.write(Path.of("target", "coverage-benchmark.txt"), this.report);
	}

	void page(ConfigurableApplicationContext portal, int port, int users) {
		PortalClient admin = PortalClient.signedIn(port, "admin");
		PortalActivity activity = portal.getBean(PortalActivity.class);
		time("the audit join alone (PortalActivity, one grouped query)", () -> activity.lastActivityByIamUser().size());
		long start = System.nanoTime();
		assertThat(admin.page("/admin/coverage").select("tr[data-iam-user]")).hasSize(50);
		print("first page, cold (load, parse, scope, audit join, sort, render): %.1f ms".formatted(millis(start)));
		for (int i = 0; i < 30; i++) {
			admin.page("/admin/coverage");
		}
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		time("first page, cached", () -> admin.page("/admin/coverage").select("tr[data-iam-user]").size());
		time("first page without MFA, cached", () -> admin.page("/admin/coverage?show=no-mfa").select("tr").size());
		time("page 500, sorted by last portal activity, cached",
				() -> admin.page("/admin/coverage?sort=activity&dir=desc&page=500").select("tr").size());
		time("keys older than 90 days, sorted by key age, cached",
				() -> admin.page("/admin/coverage?show=old-keys&days=90&sort=key-age").select("tr").size());
		for (int i = 0; i < 200; i++) {
			admin.page("/admin/coverage?page=" + (i % 100 + 1));
		}
		System.gc();
		long heapAfter = memory.getHeapMemoryUsage().getUsed();
		print("heap used (portal and benchmark in one JVM) after warm-up %d MiB, after 284 more pages %d MiB (max %d MiB)"
			.formatted(heapBefore >> 20, heapAfter >> 20, Runtime.getRuntime().maxMemory() >> 20));
		long exportStart = System.nanoTime();
		PortalClient.Page export = admin.get("/admin/coverage.csv");
		print("CSV export of all %,d users: %,d bytes in %.1f ms".formatted(users, export.body().length(),
				millis(exportStart)));
		assertThat(export.body().lines()).hasSize(users + 1);
	}

	/** One year of events: sign-ins, issuances and activations among other actions, for users-00000... */
	static void loadAudit(JdbcClient jdbc, int users, long rows) {
		jdbc.sql("""
				INSERT INTO audit_event (occurred_at, portal_user, iam_user, action, outcome, detail, prev_hash, row_hash)
				SELECT timestamptz '2025-12-01 00:00:00+00' + (g * (interval '365 days' / :rows)),
					'user-' || lpad((g * 7919 % :users)::text, 5, '0'),
					'user-' || lpad((g * 7919 % :users)::text, 5, '0'),
					(ARRAY['signin.succeeded', 'signin.succeeded', 'signin.succeeded', 'credentials.issued',
						'credentials.issued', 'enrollment.started', 'enrollment.activated', 'signin.failed',
						'access.denied', 'enrollment.cancelled', 'enrollment.resynced', 'credentials.failed'])[1 + g % 12],
					CASE WHEN g % 100 < 90 THEN 'SUCCESS' WHEN g % 100 < 97 THEN 'FAILURE' ELSE 'DENIED' END,
					'{}'::jsonb, lpad(to_hex(g - 1), 64, '0'), lpad(to_hex(g), 64, '0')
				FROM generate_series(1, :rows) AS g
				""").param("rows", rows).param("users", users).update();
		jdbc.sql("ANALYZE audit_event").update();
	}

	/** A report as IAM writes it: the root, then users with and without MFA, passwords and keys of every age. */
	static byte[] credentialReport(int users) {
		Instant now = Instant.now();
		StringBuilder csv = new StringBuilder(CredentialReportParserTests.HEADER_22).append('\n');
		csv.append("<root_account>,arn:aws:iam::123456789012:root,2015-06-24T12:45:00+00:00,not_supported,")
			.append("2016-10-07T14:30:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,")
			.append("N/A,false,N/A,false,N/A\n");
		for (int i = 0; i < users; i++) {
			String name = "user-%05d".formatted(i);
			String created = TIME.format(now.minus(400 + i % 300, ChronoUnit.DAYS));
			boolean password = i % 2 == 0;
			String rotated = TIME.format(now.minus(i % 400, ChronoUnit.DAYS));
			String used = (i % 3 == 0) ? "N/A" : TIME.format(now.minus(i % 30, ChronoUnit.DAYS));
			csv.append(String.join(",", name, "arn:aws:iam::123456789012:user/employees/" + name, created,
					String.valueOf(password), password ? TIME.format(now.minus(i % 60, ChronoUnit.DAYS)) : "N/A",
					password ? created : "N/A", "N/A", String.valueOf(hasMfa(name)), "true", rotated, used,
					"N/A".equals(used) ? "N/A" : "us-east-1", "N/A".equals(used) ? "N/A" : "s3", "false", "N/A", "N/A",
					"N/A", "N/A", "false", "N/A", "false", "N/A"))
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Seven users in ten, by the number in their name. */
	static boolean hasMfa(String userName) {
		return Integer.parseInt(userName.substring("user-".length())) % 10 < 7;
	}

	static ConfigurableApplicationContext portal(String url) {
		Map<String, Object> settings = new java.util.LinkedHashMap<>(SandboxAwsConfiguration.properties());
		settings.putAll(Map.of("server.port", 0, "spring.datasource.url", url, "spring.datasource.username", "postgres",
				"spring.datasource.password", "postgres", "portal.coverage.refresh-on-schedule", false,
				"portal.audit.verify-on-schedule", false, "portal.coverage.activity-max-age", "1h"));
		for (String key : List.of("enrollment.sealing-key", "credentials.sealing-key", "guard.code-key")) {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			settings.put("portal." + key, Base64.getEncoder().encodeToString(bytes));
		}
		return new SpringApplicationBuilder(MfaPortalApplication.class).main(MfaPortalApplication.class)
			.run(settings.entrySet().stream().map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
				.toArray(String[]::new));
	}

	/** Runs {@code task} three times untimed, then {@link #RUNS} times, and prints the median, min and max. */
	void time(String label, Supplier<Integer> task) {
		for (int i = 0; i < 3; i++) {
			task.get();
		}
		double[] runs = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			task.get();
			runs[i] = millis(start);
		}
		Arrays.sort(runs);
		print("%s: median %.1f ms (min %.1f, max %.1f, %d runs)".formatted(label, runs[RUNS / 2], runs[0],
				runs[RUNS - 1], RUNS));
	}

	void print(String line) {
		logger.info(line);
		this.report.add(line);
	}

	static double millis(long start) {
		return (System.nanoTime() - start) / 1_000_000.0;
	}

	static double seconds(long start) {
		return (System.nanoTime() - start) / 1_000_000_000.0;
	}

}
