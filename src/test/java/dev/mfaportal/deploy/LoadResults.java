package dev.mfaportal.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load-run thread saw: the latency of every request by kind and every error by kind and cause, counting
 * only what started within the measured window (System.nanoTime from {@code from} until {@code until}), so that a
 * round begun during the warm-up still counts its later requests. Each employee's thread has its own, so recording
 * takes no lock; {@link #merge} adds them up at the end.
 */
final class LoadResults {

	/** The requests of one employee's round, in order. */
	enum Kind {

		SIGN_IN_PAGE("GET /login"), SIGN_IN("POST /login, then the home page"), DEVICE_LIST("GET /mfa"),
		CREDENTIALS_FORM("GET /credentials"), ISSUE("POST /credentials"), SIGN_OUT("POST /logout, then /login");

		final String request;

		Kind(String request) {
			this.request = request;
		}

	}

	private final Map<Kind, List<Long>> nanos = new EnumMap<>(Kind.class);

	private final Map<String, Integer> errors = new TreeMap<>();

	private long rounds;

	private long codeWaitNanos;

	private final long from;

	private final long until;

	LoadResults(long from, long until) {
		this.from = from;
		this.until = until;
		for (Kind kind : Kind.values()) {
			this.nanos.put(kind, new ArrayList<>());
		}
	}

	private boolean counts(long startedNanos) {
		return startedNanos >= this.from && startedNanos < this.until;
	}

	void record(Kind kind, long startedNanos, long elapsedNanos) {
		if (counts(startedNanos)) {
			this.nanos.get(kind).add(elapsedNanos);
		}
	}

	void error(Kind kind, long startedNanos, String cause) {
		if (counts(startedNanos)) {
			this.errors.merge(kind.name().toLowerCase(Locale.ROOT) + ": " + cause, 1, Integer::sum);
		}
	}

	/** Time an employee waited for their phone to show a new code: not a request, so in no latency. */
	void waitedForCode(long startedNanos, long nanos) {
		if (counts(startedNanos)) {
			this.codeWaitNanos += nanos;
		}
	}

	/** A round that ended within the window. */
	void roundDone(long endedNanos) {
		if (counts(endedNanos)) {
			this.rounds++;
		}
	}

	long rounds() {
		return this.rounds;
	}

	int errorCount() {
		return this.errors.values().stream().mapToInt(Integer::intValue).sum();
	}

	static LoadResults merge(List<LoadResults> parts) {
		LoadResults all = new LoadResults(Long.MIN_VALUE, Long.MAX_VALUE);
		for (LoadResults part : parts) {
			part.nanos.forEach((kind, values) -> all.nanos.get(kind).addAll(values));
			part.errors.forEach((cause, count) -> all.errors.merge(cause, count, Integer::sum));
			all.rounds += part.rounds;
			all.codeWaitNanos += part.codeWaitNanos;
		}
		return all;
	}

	/** One line per kind: count, p50, p90, p99, max and the rate; then every error with its count. */
	List<String> report(double seconds) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-34s %7s %9s %9s %9s %9s %8s", "request", "count", "p50 ms", "p90 ms",
				"p99 ms", "max ms", "per s"));
		long requests = 0;
		for (Kind kind : Kind.values()) {
			long[] sorted = this.nanos.get(kind).stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			requests += sorted.length;
			if (sorted.length == 0) {
				lines.add(String.format(Locale.ROOT, "%-34s %7d", kind.request, 0));
				continue;
			}
			lines.add(String.format(Locale.ROOT, "%-34s %7d %9.1f %9.1f %9.1f %9.1f %8.1f", kind.request, sorted.length,
					millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
					sorted.length / seconds));
		}
		lines.add(String.format(Locale.ROOT, "%d rounds (%.2f per s), %d requests (%.1f per s), %d errors", this.rounds,
				this.rounds / seconds, requests, requests / seconds, errorCount()));
		this.errors.forEach((cause, count) -> lines.add("  error " + cause + ": " + count));
		lines.add(String.format(Locale.ROOT, "time spent waiting for a new code, all employees together: %.1f s",
				this.codeWaitNanos / 1e9));
		return lines;
	}

	/** The nearest-rank quantile: the smallest value at or above which a fraction {@code q} of the values lie. */
	private static double millis(long[] sorted, double q) {
		int rank = (int) Math.ceil(q * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

}
