package dev.mfaportal.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditMetersTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final AuditMeters meters = new AuditMeters(this.registry);

	@Test
	void keyDeletedByTheReconcilerThenReconcilerRemovedCountsIt() {
		record(AuditEvent.of("credentials.key-deleted", AuditOutcome.SUCCESS).detail("reason", "expired"));
		record(AuditEvent.of("credentials.key-deleted", AuditOutcome.SUCCESS).detail("reason", "unrecorded"));

		assertThat(reconcilerRemoved()).isEqualTo(2);
	}

	@Test
	void keyDeletedAfterUseOrDeleteFailedThenReconcilerRemovedStaysAtZero() {
		record(AuditEvent.of("credentials.key-deleted", AuditOutcome.SUCCESS).detail("reason", "used"));
		record(AuditEvent.of("credentials.key-deleted", AuditOutcome.SUCCESS).detail("reason", "replaced"));
		record(AuditEvent.of("credentials.key-delete-failed", AuditOutcome.FAILURE).detail("reason", "expired"));

		assertThat(reconcilerRemoved()).isZero();
	}

	@Test
	void auditWriteFailsThenReconcilerRemovedDoesNotCountTheDeletion() {
		AuditEvent deleted = AuditEvent.of("credentials.key-deleted", AuditOutcome.SUCCESS).detail("reason", "expired");
		try {
			this.meters.timed(deleted, () -> {
				throw new IllegalStateException("database down");
			});
		}
		catch (IllegalStateException expected) {
			// The audit log refused the row: the meter must not claim what the log does not hold.
		}

		assertThat(reconcilerRemoved()).isZero();
		assertThat(this.registry.get("mfa.portal.audit.failures").counter().count()).isEqualTo(1);
	}

	private void record(AuditEvent event) {
		this.meters.timed(event, () -> 1L);
	}

	private double reconcilerRemoved() {
		return this.registry.get("mfa.portal.reconciler.removed").counter().count();
	}

}
