package dev.mfaportal.audit;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The scheduled check feeds the health endpoint and the logs; it can be switched off. */
@ExtendWith(OutputCaptureExtension.class)
class ChainMonitorTests {

	static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");

	ChainVerifier verifier = mock(ChainVerifier.class);

	ChainCheckpoints checkpoints = mock(ChainCheckpoints.class);

	ChainMonitor monitor = new ChainMonitor(this.verifier, this.checkpoints);

	AuditChainHealthIndicator health = new AuditChainHealthIndicator(this.monitor);

	static AuditProperties properties(boolean onSchedule) {
		return properties(onSchedule, null);
	}

	static AuditProperties properties(boolean onSchedule, String chainKey) {
		return new AuditProperties(50, 92, onSchedule, Duration.ofMinutes(30), Duration.ofSeconds(45), chainKey,
				new AuditProperties.Checkpoint(Duration.ofMinutes(10), null), 3);
	}

	@Test
	void healthWhenNeverCheckedThenUnknown() {
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void scheduledCheckWhenChainBrokenThenHealthDownAndErrorLogged(CapturedOutput output) {
		given(this.verifier.verify(null)).willReturn(ChainReport.broken(41, 42, "row_hash", "aa", "bb", NOW));
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		new ScheduledChainCheck(this.monitor, properties(true)).configureTasks(registrar);

		IntervalTask task = registrar.getFixedDelayTaskList().get(0);
		assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(30));
		assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(45));
		task.getRunnable().run();

		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.health.health().getDetails()).containsEntry("brokenId", 42L);
		assertThat(output.getAll()).contains("ERROR").contains("Audit chain BROKEN: broken at id 42");
	}

	@Test
	void scheduledCheckWhenChainIntactThenHealthUpWithHeadHash() {
		given(this.verifier.verify(null)).willReturn(ChainReport.intact(7, "cafe", NOW));

		this.monitor.check();

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.health().getDetails()).containsEntry("events", 7L).containsEntry("headHash", "cafe");
	}

	@Test
	void scheduleWhenSwitchedOffThenNoScheduledCheck() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withBean(ChainMonitor.class, () -> this.monitor)
			.withBean(AuditProperties.class, () -> properties(false))
			.withUserConfiguration(ScheduledChainCheck.class);

		runner.withPropertyValues("portal.audit.verify-on-schedule=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ScheduledChainCheck.class));
		runner.run((context) -> assertThat(context).hasSingleBean(ScheduledChainCheck.class));
	}

}
