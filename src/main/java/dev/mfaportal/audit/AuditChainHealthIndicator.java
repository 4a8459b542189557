package dev.mfaportal.audit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code auditChain} on the health endpoint: DOWN once a check found the chain broken, UNKNOWN before the first
 * check. It reports the latest check and never walks the chain itself, so health probes stay cheap.
 */
@Component
class AuditChainHealthIndicator implements HealthIndicator {

	private final ChainMonitor monitor;

	AuditChainHealthIndicator(ChainMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		return this.monitor.latest().map(AuditChainHealthIndicator::toHealth).orElseGet(() -> Health.unknown().build());
	}

	private static Health toHealth(ChainReport report) {
		if (report.intact()) {
			return Health.up()
				.withDetail("events", report.events())
				.withDetail("headHash", report.headHash())
				.withDetail("checkedAt", report.checkedAt().toString())
				.build();
		}
		return Health.down()
			.withDetail("brokenId", report.brokenId())
			.withDetail("field", report.brokenField())
			.withDetail("expected", report.expected())
			.withDetail("found", report.found())
			.withDetail("checkedAt", report.checkedAt().toString())
			.build();
	}

}
