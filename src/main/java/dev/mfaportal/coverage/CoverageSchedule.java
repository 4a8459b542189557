package dev.mfaportal.coverage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The background check ({@code portal.coverage.refresh-on-schedule}), every {@code portal.coverage.poll-interval}
 * after the previous one ended: the refresh when one is due, then today's point of the trend.
 */
@Component
@ConditionalOnBooleanProperty(name = "portal.coverage.refresh-on-schedule", matchIfMissing = true)
class CoverageSchedule implements SchedulingConfigurer {

	private final ReportRefresh refresh;

	private final CoverageTrend trend;

	private final CoverageProperties properties;

	CoverageSchedule(ReportRefresh refresh, CoverageTrend trend, CoverageProperties properties) {
		this.refresh = refresh;
		this.trend = trend;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::check, this.properties.pollInterval(),
				this.properties.pollInterval()));
	}

	/** The refresh, then today's point, which also parses a new report here rather than on a page. */
	void check() {
		this.refresh.onSchedule();
		this.trend.recordToday();
	}

}
