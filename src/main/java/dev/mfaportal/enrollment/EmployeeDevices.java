package dev.mfaportal.enrollment;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.enrollment.Removal.Outcome;

/**
 * The device rules every module uses, in one place: how many devices a user may have, their devices (or why
 * AWS could not list them), whether a serial is theirs, and removal (deactivate, then delete). Every method
 * must be given the IAM user the portal acts on (the signed-in employee's, or the one an admin opened), never
 * a name the portal has not checked. It binds its own settings, so a web slice of another module can
 * {@code @Import} it alone.
 */
@Component
@EnableConfigurationProperties(EnrollmentProperties.class)
public class EmployeeDevices {

	private static final Logger logger = LoggerFactory.getLogger(EmployeeDevices.class);

	private final MfaDevices devices;

	private final AuditLog audit;

	private final int limit;

	private final DeviceNames names;

	EmployeeDevices(MfaDevices devices, AuditLog audit, EnrollmentProperties properties) {
		this.devices = devices;
		this.audit = audit;
		this.limit = properties.maxDevices();
		this.names = new DeviceNames(properties.deviceName());
	}

	/** How many MFA devices one IAM user may have: {@code portal.enrollment.max-devices}. */
	public int limit() {
		return this.limit;
	}

	/** What the employee called the device {@code serialNumber} of {@code iamUser}, from its name. */
	public String label(String iamUser, String serialNumber) {
		return this.names.labelOf(iamUser, serialNumber);
	}

	/** The user's devices; when AWS refuses or does not answer, none, and why. Never throws for AWS. */
	public DeviceList list(String iamUser) {
		try {
			return new DeviceList(assigned(iamUser), null, this.limit);
		}
		catch (AwsCallException ex) {
			logger.warn("Listing MFA devices of {} failed: {} (request id {})", iamUser, ex.errorCode(), ex.requestId());
			return new DeviceList(List.of(), AwsProblem.of(ex), this.limit);
		}
	}

	/**
	 * Whether {@code serialNumber} is one of the user's devices, asking AWS now.
	 * @throws AwsCallException when AWS cannot list them
	 */
	public boolean isTheirs(String iamUser, @Nullable String serialNumber) {
		return serialNumber != null && new DeviceList(assigned(iamUser), null, this.limit).contains(serialNumber);
	}

	/**
	 * Removes one of the user's devices: deactivates it, then deletes it, each step audited as {@code audit}
	 * says. A device deleted meanwhile counts as removed.
	 */
	public Removal remove(String iamUser, String serialNumber, RemovalAudit audit) {
		try {
			if (!isTheirs(iamUser, serialNumber)) {
				return Removal.of(Outcome.NOT_THEIRS);
			}
		}
		catch (AwsCallException ex) {
			return new Removal(Outcome.NOT_CHECKED, AwsProblem.of(ex));
		}
		this.audit.record(audit.started());
		try {
			this.devices.deactivate(iamUser, serialNumber);
		}
		catch (AwsCallException ex) {
			return failed(audit, "deactivate", Outcome.NOT_REMOVED, ex);
		}
		try {
			this.devices.delete(serialNumber);
		}
		catch (AwsCallException ex) {
			if (!ex.is(AwsCallException.Kind.NOT_FOUND)) {
				return failed(audit, "delete", Outcome.DEACTIVATED_NOT_DELETED, ex);
			}
		}
		this.audit.record(audit.removed());
		return Removal.of(Outcome.REMOVED);
	}

	private Removal failed(RemovalAudit audit, String step, Outcome outcome, AwsCallException ex) {
		AwsProblem problem = AwsProblem.of(ex);
		this.audit.record(audit.failed().apply(step, problem));
		return new Removal(outcome, problem);
	}

	private List<Device> assigned(String iamUser) {
		return this.devices.listAssigned(iamUser)
			.stream()
			.map((device) -> new Device(device.serialNumber(), device.enabledAt(),
					this.names.labelOf(iamUser, device.serialNumber())))
			.toList();
	}

}
