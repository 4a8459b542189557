package dev.mfaportal.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Re-checks the chain in the background ({@code portal.audit.verify-on-schedule}, every
 * {@code portal.audit.verify-interval} after the previous check ended), so tampering shows on the health endpoint
 * and in the logs without anyone opening the integrity page.
 */
@Component
@ConditionalOnBooleanProperty(name = "portal.audit.verify-on-schedule", matchIfMissing = true)
class ScheduledChainCheck implements SchedulingConfigurer {

	private final ChainMonitor monitor;

	private final AuditProperties properties;

	ScheduledChainCheck(ChainMonitor monitor, AuditProperties properties) {
		this.monitor = monitor;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this.monitor::check, this.properties.verifyInterval(),
				this.properties.verifyInitialDelay()));
	}

}
