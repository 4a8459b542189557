package dev.mfaportal.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mfaportal.audit.LastActivity;
import dev.mfaportal.audit.PortalActivity;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Keeps the coverage table in memory. Each request asks PostgreSQL for the stored report's version (one row; any
 * instance may have stored a newer one); a new version is loaded and parsed there and then, once per report
 * (the background check does it first when it runs). The portal's activity is read from the audit log for the
 * first page only: activity older than {@code portal.coverage.activity-max-age} is read again in the background
 * while the pages go on showing the previous one, so no later page waits for the grouped query over the log.
 */
@Component
class CoverageSnapshots {

	private static final Logger logger = LoggerFactory.getLogger(CoverageSnapshots.class);

	private final ReportStore store;

	private final PortalActivity activity;

	private final TaskExecutor executor;

	private final Clock clock;

	private final CoverageProperties properties;

	private final AtomicBoolean rereading = new AtomicBoolean();

	private @Nullable Instant version;

	private @Nullable ScopedReport report;

	private @Nullable CoverageSnapshot joined;

	CoverageSnapshots(ReportStore store, PortalActivity activity,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
			Clock clock, CoverageProperties properties) {
		this.store = store;
		this.activity = activity;
		this.executor = executor;
		this.clock = clock;
		this.properties = properties;
	}

	/** The stored report, scoped, without the portal's activity: what the trend counts. */
	synchronized Optional<ScopedReport> report() {
		Optional<Instant> stored = this.store.version();
		if (stored.isEmpty()) {
			this.version = null;
			this.report = null;
			this.joined = null;
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
		CoverageSnapshot cached = this.joined;
		Instant now = this.clock.instant();
		if (cached == null) {
			cached = CoverageSnapshot.join(scoped, this.activity.lastActivityByIamUser(), now);
		}
		else if (cached.report() != scoped) {
			cached = cached.with(scoped);
		}
		this.joined = cached;
		if (!now.isBefore(cached.activityReadAt().plus(this.properties.activityMaxAge()))
				&& this.rereading.compareAndSet(false, true)) {
			this.executor.execute(() -> reread(scoped));
		}
		return Optional.of(cached);
	}

	private void reread(ScopedReport scoped) {
		try {
			Instant readAt = this.clock.instant();
			Map<String, LastActivity> fresh = this.activity.lastActivityByIamUser();
			CoverageSnapshot rejoined = CoverageSnapshot.join(scoped, fresh, readAt);
			synchronized (this) {
				if (this.joined != null && this.joined.report() == scoped) {
					this.joined = rejoined;
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the portal activity again; the coverage page keeps the previous one", ex);
		}
		finally {
			this.rereading.set(false);
		}
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
