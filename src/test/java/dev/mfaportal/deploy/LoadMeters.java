package dev.mfaportal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;

/**
 * The portal's own view of a load run, from its meter registry: what the Prometheus scrape would show at the end
 * (whole run, warm-up included). It says how many AWS calls each issuance made and how long they took, which the
 * page latencies alone cannot tell apart from the portal's own work.
 */
final class LoadMeters {

	private LoadMeters() {
	}

	static List<String> report(MeterRegistry registry) {
		List<String> lines = new ArrayList<>();
		registry.find("mfa.portal.issuances")
			.counters()
			.forEach((counter) -> lines.add("issuances %s: %.0f".formatted(tags(counter), counter.count())));
		registry.find("mfa.portal.guard.lockouts")
			.counters()
			.forEach((counter) -> lines.add("lockouts %s: %.0f".formatted(tags(counter), counter.count())));
		for (Timer timer : registry.find("mfa.portal.aws.calls").timers()) {
			lines.add(timed("AWS " + tags(timer), timer));
		}
		registry.find("mfa.portal.audit.writes").timers().forEach((timer) -> lines.add(timed("audit writes", timer)));
		registry.find("tasks.scheduled.execution")
			.timers()
			.forEach((timer) -> lines.add(timed("scheduled " + tags(timer), timer)));
		return lines;
	}

	private static String timed(String name, Timer timer) {
		return String.format(Locale.ROOT, "%s: %d, mean %.1f ms, max %.1f ms", name, timer.count(),
				timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
	}

	private static String tags(Meter meter) {
		return meter.getId()
			.getTags()
			.stream()
			.map(Tag::getValue)
			.collect(Collectors.joining(" ", "[", "]"));
	}

}
