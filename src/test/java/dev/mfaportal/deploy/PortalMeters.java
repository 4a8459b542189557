package dev.mfaportal.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The portal's own meters as Prometheus scrapes them: the contract the Grafana dashboard is built on.
 * Micrometer names a counter {@code a.b} {@code a_b_total} and a timer {@code a_b_seconds_count}, {@code _sum}
 * and {@code _max}, plus {@code _bucket} (with the {@code le} label) when it publishes a histogram.
 */
final class PortalMeters {

	/** Values of the {@code outcome} tag, as the audit log names outcomes. */
	static final Set<String> OUTCOMES = Set.of("success", "failure", "denied");

	/** Labels Prometheus adds to every series it scrapes (job, instance) or Kubernetes discovery adds. */
	static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod", "application");

	static final List<Meter> ALL = List.of(new Meter("mfa.portal.enrollments", Type.COUNTER, Set.of("outcome", "reason")),
			new Meter("mfa.portal.issuances", Type.COUNTER, Set.of("outcome", "reason", "key_source")),
			new Meter("mfa.portal.aws.calls", Type.TIMER_WITH_HISTOGRAM, Set.of("action", "outcome")),
			new Meter("mfa.portal.audit.writes", Type.TIMER, Set.of()),
			new Meter("mfa.portal.audit.failures", Type.COUNTER, Set.of()),
			new Meter("mfa.portal.guard.lockouts", Type.COUNTER, Set.of("scope")),
			new Meter("mfa.portal.sweeper.removed", Type.COUNTER, Set.of()),
			new Meter("mfa.portal.reconciler.removed", Type.COUNTER, Set.of()),
			new Meter("mfa.portal.sessions.active", Type.GAUGE, Set.of()));

	private PortalMeters() {
	}

	/** Every series name Prometheus shows, with the meter it comes from. */
	static Map<String, Meter> bySeries() {
		return ALL.stream()
			.flatMap((meter) -> meter.series().stream().map((series) -> Map.entry(series, meter)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	enum Type {

		COUNTER, GAUGE, TIMER, TIMER_WITH_HISTOGRAM

	}

	/** One meter: its Micrometer name, its kind and its tag names. */
	record Meter(String name, Type type, Set<String> tags) {

		String base() {
			return this.name.replace('.', '_');
		}

		List<String> series() {
			return switch (this.type) {
				case COUNTER -> List.of(base() + "_total");
				case GAUGE -> List.of(base());
				case TIMER -> Stream.of("_count", "_sum", "_max").map((suffix) -> base() + "_seconds" + suffix).toList();
				case TIMER_WITH_HISTOGRAM -> Stream.of("_count", "_sum", "_max", "_bucket")
					.map((suffix) -> base() + "_seconds" + suffix)
					.toList();
			};
		}

		/** The labels a series of this meter carries: its tags, and {@code le} on histogram buckets. */
		Set<String> labels(String series) {
			return series.endsWith("_bucket")
					? Stream.concat(this.tags.stream(), Stream.of("le")).collect(Collectors.toSet()) : this.tags;
		}

	}

}
