package dev.mfaportal.audit;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's benchmark, whose results docs/performance.md reports; not part of {@code verify}. Run it with
 * <pre>
 * ./mvnw -B -o test -Dtest=AuditBenchmark -Dbenchmark=true -Dbenchmark.rows=10000000 -DargLine=-Xmx256m
 * </pre>
 * It starts its own embedded PostgreSQL 17 (not the shared test one: its rows carry no valid chain), loads
 * {@code benchmark.rows} rows with {@code generate_series} over one year, then builds the V3 indexes and measures
 * the production code paths. Figures go to stdout (surefire's output file) and {@code target/benchmark.txt};
 * {@code docs/performance.md} records a run.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AuditBenchmark {

	private static final Log logger = LogFactory.getLog(AuditBenchmark.class);

	static final int RUNS = 21;

	final List<String> report = new ArrayList<>();

	@Test
	void benchmark() throws Exception {
		long rows = Long.getLong("benchmark.rows", 10_000_000L);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("shared_buffers", "1GB")
			.setServerConfig("maintenance_work_mem", "1GB")
			.setServerConfig("work_mem", "64MB")
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("timezone", "UTC")
			.start(); HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			dataSource.setUsername("postgres");
			dataSource.setMaximumPoolSize(12);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
			print("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
					+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, load average "
					+ ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

			Flyway.configure().dataSource(dataSource).target("1").load().migrate();
			long start = System.nanoTime();
			load(jdbc, rows);
			print("load %,d rows with generate_series: %.1f s".formatted(rows, seconds(start)));
			start = System.nanoTime();
			Flyway.configure().dataSource(dataSource).load().migrate();
			jdbc.sql("ANALYZE audit_event").update();
			print("V3 indexes + ANALYZE: %.1f s".formatted(seconds(start)));
			print("table + indexes: " + jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('audit_event'))")
				.query(String.class)
				.single());

			queries(jdbc, dataSource, transactions, rows);
			export(dataSource, jdbc, transactions);
			writers(jdbc, transactions, rows);
		}
		Files.write(Path.of("target", "benchmark.txt"), this.report);
	}

	/** One year of events, ~5,000 employees, twelve actions, 90% success, 7% failure, 3% denied. */
	static void load(JdbcClient jdbc, long rows) {
		jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, portal_user, iam_user, action, outcome, source_ip, user_agent,
					mfa_serial, access_key_id, expires_at, aws_request_id, detail, prev_hash, row_hash)
				SELECT g,
					timestamptz '2025-11-28 00:00:00+00' + (g * (interval '365 days' / :rows)),
					'user-' || (g * 7919 % 5000),
					'user-' || (g * 7919 % 5000),
					(ARRAY['signin.succeeded', 'signin.succeeded', 'signin.succeeded', 'credentials.issued',
						'credentials.issued', 'enrollment.started', 'enrollment.activated', 'signin.failed',
						'access.denied', 'enrollment.cancelled', 'enrollment.resynced', 'credentials.failed'])[1 + g % 12],
					CASE WHEN g % 100 < 90 THEN 'SUCCESS' WHEN g % 100 < 97 THEN 'FAILURE' ELSE 'DENIED' END,
					'10.' || (g % 200) || '.' || (g / 200 % 250) || '.7',
					'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
					CASE WHEN g % 3 = 0 THEN 'arn:aws:iam::123456789012:mfa/mfa-portal/user-' || (g * 7919 % 5000) END,
					CASE WHEN g % 12 = 3 THEN 'ASIA' || upper(lpad(to_hex(g), 16, '0')) END,
					CASE WHEN g % 12 = 3 THEN timestamptz '2025-11-28 12:00:00+00' + (g * (interval '365 days' / :rows)) END,
					md5(g::text),
					jsonb_build_object('durationSeconds', '43200', 'n', g::text),
					lpad(to_hex(g - 1), 64, '0'),
					lpad(to_hex(g), 64, '0')
				FROM generate_series(1, :rows) AS g
				""").param("rows", rows).update();
		jdbc.sql("SELECT setval(pg_get_serial_sequence('audit_event', 'id'), :rows)").param("rows", rows)
			.query((rs, n) -> 1).single();
	}

	void queries(JdbcClient jdbc, HikariDataSource dataSource, DataSourceTransactionManager transactions, long rows) {
		AuditQueries queries = new AuditQueries(jdbc, dataSource, transactions);
		DailyCounts counts = new DailyCounts(jdbc);
		LocalDate weekStart = LocalDate.parse("2026-06-01");
		AuditFilter none = AuditFilter.none();
		AuditFilter employee = new AuditFilter("user-1234", null, null, null, null, null, "UTC");
		AuditFilter actionWeek = new AuditFilter(null, null, "credentials.issued", null, weekStart, weekStart.plusDays(6),
				"Europe/Berlin");
		long deep = rows / 2;
		// Once untimed, so the JIT has compiled the whole path before anything is measured.
		for (int i = 0; i < 30; i++) {
			queries.page(none, null, 50);
			queries.page(employee, null, 50);
		}
		time("first page, unfiltered", () -> queries.page(none, null, 50));
		explain(jdbc, none, null);
		time("deep page (keyset after the middle row), unfiltered", () -> queries.page(none, deep, 50));
		explain(jdbc, none, deep);
		time("first page, one employee (portal user)", () -> queries.page(employee, null, 50));
		explain(jdbc, employee, null);
		time("first page, action credentials.issued + one week (Europe/Berlin days)",
				() -> queries.page(actionWeek, null, 50));
		explain(jdbc, actionWeek, null);
		LocalDate today = LocalDate.parse("2026-11-27");
		time("chart, unfiltered, default 14 days (hourly roll-up)", () -> counts.count(none, today, 92));
		time("chart, one employee, default 14 days (events)", () -> counts.count(employee, today, 92));
		time("chart, action + one week (hourly roll-up)", () -> counts.count(actionWeek, today, 92));
		AuditFilter kolkata = new AuditFilter(null, null, null, null, null, null, "Asia/Kolkata");
		time("chart, unfiltered, 14 days in Asia/Kolkata (events: half-hour zone)", () -> counts.count(kolkata, today, 92));
	}

	/** PostgreSQL's own execution time and plan for the page query, free of JVM and client overhead. */
	void explain(JdbcClient jdbc, AuditFilter filter, Long beforeId) {
		AuditWhere where = AuditWhere.of(filter);
		String keyset = (beforeId != null)
				? " AND (occurred_at, id) < (SELECT occurred_at, id FROM audit_event WHERE id = " + beforeId + ")" : "";
		String plan = String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) SELECT " + AuditRow.COLUMNS
				+ " FROM audit_event WHERE " + where.sql() + keyset + " ORDER BY occurred_at DESC, id DESC LIMIT 51")
			.params(where.params())
			.query(String.class)
			.list());
		String execution = plan.lines().filter((line) -> line.startsWith("Execution Time")).findFirst().orElse("");
		String indexes = java.util.regex.Pattern.compile("(Index[ A-Za-z]* Scan[ A-Za-z]* using \\w+|Seq Scan|Sort)")
			.matcher(plan)
			.results()
			.map(java.util.regex.MatchResult::group)
			.distinct()
			.collect(java.util.stream.Collectors.joining(", "));
		print("    PostgreSQL: " + execution + "; " + indexes);
	}

	void export(HikariDataSource dataSource, JdbcClient jdbc, DataSourceTransactionManager transactions) throws Exception {
		AuditQueries queries = new AuditQueries(jdbc, dataSource, transactions);
		// 1/10 of a year of a 10 M table is ~1 M rows.
		AuditFilter range = new AuditFilter(null, null, null, null, LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-02-06"), "UTC");
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		AtomicLong count = new AtomicLong();
		AtomicLong peak = new AtomicLong(heapBefore);
		CountingWriter out = new CountingWriter();
		long start = System.nanoTime();
		queries.forEach(range, AuditCsv.COLUMNS, (rs) -> {
			AuditCsv.row(out, rs);
			if (count.incrementAndGet() % 10_000 == 0) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
			}
		});
		double seconds = seconds(start);
		System.gc();
		long heapAfter = memory.getHeapMemoryUsage().getUsed();
		print("CSV export: %,d rows, %,d MB of CSV in %.1f s = %,.0f rows/s; heap used before %d MiB, peak sampled %d MiB, after %d MiB (max heap %d MiB)"
			.formatted(count.get(), out.chars / 1_000_000, seconds, count.get() / seconds, heapBefore >> 20,
					peak.get() >> 20, heapAfter >> 20, Runtime.getRuntime().maxMemory() >> 20));
	}

	void writers(JdbcClient jdbc, DataSourceTransactionManager transactions, long loaded) throws Exception {
		java.time.Clock clock = java.time.Clock.systemUTC();
		ChainKey key = new ChainKey(new byte[32]);
		JdbcAuditLog log = AuditTestRows.log(jdbc, transactions, key, clock);
		int writers = 8;
		int each = Integer.getInteger("benchmark.events", 1000);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		List<Callable<Void>> tasks = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			String writer = "bench-" + w;
			tasks.add(() -> {
				for (int i = 0; i < each; i++) {
					log.record(AuditEvent.of("credentials.issued", AuditOutcome.SUCCESS).portalUser(writer).detail("i", i));
				}
				return null;
			});
		}
		long start = System.nanoTime();
		for (Future<Void> done : pool.invokeAll(tasks)) {
			done.get();
		}
		double seconds = seconds(start);
		pool.shutdown();
		List<AuditRow> appended = jdbc.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE id > :loaded ORDER BY id")
			.param("loaded", loaded)
			.query(AuditRow.MAPPER)
			.list();
		String expectedPrev = jdbc.sql("SELECT row_hash FROM audit_event WHERE id = :loaded").param("loaded", loaded)
			.query(String.class).single();
		for (AuditRow row : appended) {
			assertThat(row.prevHash()).isEqualTo(expectedPrev);
			assertThat(key.expectedHash(row.prevHash(), row)).isEqualTo(row.rowHash());
			expectedPrev = row.rowHash();
		}
		assertThat(appended).hasSize(writers * each);
		print("AuditLog.record, 8 writers x %,d events: %.1f s = %,.0f events/s; appended chain of %,d rows intact"
			.formatted(each, seconds, writers * each / seconds, appended.size()));
	}

	void time(String what, Supplier<?> query) {
		for (int i = 0; i < 5; i++) {
			query.get();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			query.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		print("%-70s median %7.2f ms  (min %.2f, max %.2f, %d runs)".formatted(what, millis[RUNS / 2], millis[0],
				millis[RUNS - 1], RUNS));
	}

	void print(String line) {
		logger.info("[benchmark] " + line);
		this.report.add(line);
	}

	static double seconds(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
	}

	/** Discards the CSV but counts it, so the export is measured without a network or a disk. */
	static final class CountingWriter extends Writer {

		long chars;

		@Override
		public void write(char[] buffer, int offset, int length) {
			this.chars += length;
		}

		@Override
		public void write(String text) {
			this.chars += text.length();
		}

		@Override
		public void write(int c) {
			this.chars++;
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
