package dev.mfaportal.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.aws.UnassignedDevice;

/**
 * Deletes devices the portal created but nobody activated, once no token can activate them any more (S18).
 * It touches only the portal's path, and only devices that carry the portal's creation-time tag.
 */
class AbandonedDeviceSweeper {

	private static final Logger logger = LoggerFactory.getLogger(AbandonedDeviceSweeper.class);

	private final MfaDevices devices;

	private final AuditLog audit;

	private final EnrollmentLocks locks;

	private final Duration tokenLifetime;

	private final Clock clock;

	AbandonedDeviceSweeper(MfaDevices devices, AuditLog audit, EnrollmentLocks locks, Duration tokenLifetime,
			Clock clock) {
		this.devices = devices;
		this.audit = audit;
		this.locks = locks;
		this.tokenLifetime = tokenLifetime;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${portal.enrollment.sweep-interval:5m}",
			initialDelayString = "${portal.enrollment.sweep-interval:5m}")
	void sweepOnSchedule() {
		try {
			int swept = this.locks.ifNobodyElseSweeps(this::sweep);
			logger.debug("Swept {} abandoned MFA devices", swept);
		}
		catch (AwsCallException | AuditUnavailableException ex) {
			// Nothing is lost by waiting: the next run finds the same devices.
			logger.warn("Sweeping abandoned MFA devices failed, retrying on the next run: {}", ex.getMessage());
		}
	}

	/** @return how many devices were deleted */
	int sweep() {
		Instant cutoff = this.clock.instant().minus(this.tokenLifetime);
		int swept = 0;
		for (UnassignedDevice device : this.devices.listUnassigned()) {
			String serial = device.serialNumber();
			if (!DeviceNames.isPortalDevice(serial)) {
				continue;
			}
			Map<String, String> tags;
			try {
				tags = this.devices.tags(serial);
			}
			catch (AwsCallException ex) {
				if (ex.is(AwsCallException.Kind.NOT_FOUND)) {
					continue;
				}
				throw ex;
			}
			Instant createdAt = createdAt(tags);
			if (createdAt == null || createdAt.isAfter(cutoff)) {
				continue;
			}
			this.audit.record(AuditEvent.of("enrollment.swept", AuditOutcome.SUCCESS)
				.portalUser(tags.get(Enrollments.TAG_PORTAL_USER))
				.mfaSerial(serial)
				.detail("createdAt", createdAt));
			try {
				this.devices.delete(serial);
				swept++;
			}
			catch (AwsCallException ex) {
				// Deleted meanwhile, by a cancel or another instance's sweeper, is what the sweep wanted.
				if (!ex.is(AwsCallException.Kind.NOT_FOUND)) {
					throw ex;
				}
			}
		}
		return swept;
	}

	private static Instant createdAt(Map<String, String> tags) {
		String value = tags.get(Enrollments.TAG_CREATED_AT);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
