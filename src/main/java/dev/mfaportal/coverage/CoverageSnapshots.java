package dev.mfaportal.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mfaportal.audit.PortalActivity;

import org.springframework.stereotype.Component;

/**
 * Keeps the coverage table in memory: the stored report is parsed once per new report (any instance may have
 * stored it, so each request asks for its version, one indexed row), and the portal's activity is read again when
 * it is older than {@code portal.coverage.activity-max-age}. Everything else a page needs is done on this copy.
 */
@Component
class CoverageSnapshots {

	private static final Logger logger = LoggerFactory.getLogger(CoverageSnapshots.class);

	private final ReportStore store;

	private final PortalActivity activity;

	private final Clock clock;

	private final CoverageProperties properties;

	private @Nullable Instant version;

	private @Nullable ScopedReport report;

	private @Nullable CoverageSnapshot joined;

	CoverageSnapshots(ReportStore store, PortalActivity activity, Clock clock, CoverageProperties properties) {
		this.store = store;
		this.activity = activity;
		this.clock = clock;
		this.properties = properties;
	}

	/** The stored report, scoped, without the portal's activity: what the trend counts. */
	synchronized Optional<ScopedReport> report() {
		Optional<Instant> stored = this.store.version();
		if (stored.isEmpty()) {
			this.version = null;
			this.report = null;
		}
		else if (!stored.get().equals(this.version)) {
			this.version = stored.get();
			this.report = this.store.load().map(CoverageSnapshots::scope).orElse(null);
		}
		return Optional.ofNullable(this.report);
	}

	/** The table with the portal's activity joined in. */
	synchronized Optional<CoverageSnapshot> current() {
		ScopedReport scoped = report().orElse(null);
		if (scoped == null) {
			this.joined = null;
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		CoverageSnapshot cached = this.joined;
		if (cached == null || cached.report() != scoped
				|| !now.isBefore(cached.activityReadAt().plus(this.properties.activityMaxAge()))) {
			cached = CoverageSnapshot.join(scoped, this.activity.lastActivityByIamUser(), now);
			this.joined = cached;
		}
		return Optional.of(cached);
	}

	/** A stored report only ever passed the parser, but a later version of it may refuse one: then there is none. */
	private static @Nullable ScopedReport scope(StoredReport stored) {
		try {
			return ScopedReport.of(stored);
		}
		catch (MalformedReportException ex) {
			logger.warn("The stored credential report cannot be read ({}); waiting for the next one", ex.getMessage());
			return null;
		}
	}

}
