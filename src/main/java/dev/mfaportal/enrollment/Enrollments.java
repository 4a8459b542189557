package dev.mfaportal.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsAccount;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.aws.NewVirtualDevice;
import dev.mfaportal.identity.Employee;

/**
 * Starts and cancels enrollments: AWS, the audit log (written before the AWS change it describes, so a
 * failing audit stops the change, S21) and the sealed token.
 */
class Enrollments {

	static final String TAG_CREATED_BY = "created-by";

	static final String TAG_PORTAL_USER = "portal-user";

	static final String TAG_CREATED_AT = "created-at";

	private final MfaDevices devices;

	private final AwsAccount account;

	private final AuditLog audit;

	private final EnrollmentTokens tokens;

	private final DeviceNames names;

	private final EmployeeDevices employeeDevices;

	private final Clock clock;

	Enrollments(MfaDevices devices, AwsAccount account, AuditLog audit, EnrollmentTokens tokens, DeviceNames names,
			EmployeeDevices employeeDevices, Clock clock) {
		this.devices = devices;
		this.account = account;
		this.audit = audit;
		this.tokens = tokens;
		this.names = names;
		this.employeeDevices = employeeDevices;
		this.clock = clock;
	}

	/** Creates an unassigned device under the portal's path and seals what activation needs into a token. */
	StartedEnrollment start(Employee employee, String label) {
		if (label != null && !label.isBlank() && !DeviceNames.isValidLabel(label)) {
			throw EnrollmentException.of("enrollment.start.invalid-label");
		}
		DeviceList assigned = this.employeeDevices.list(employee.iamUserName());
		if (assigned.problem() != null) {
			this.audit.record(Audits.failure("enrollment.start-failed", employee, null, assigned.problem()));
			throw EnrollmentException.fromAws("start", assigned.problem());
		}
		if (assigned.atLimit()) {
			this.audit.record(Audits.failure("enrollment.start-failed", employee, null, "limit-reached"));
			throw EnrollmentException.of("enrollment.error.start.limit-exceeded");
		}
		Instant createdAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String name = this.names.name(employee, label, createdAt);
		String expectedSerial = "arn:aws:iam::" + this.account.accountId() + ":mfa" + DeviceNames.PATH + name;
		this.audit.record(Audits.event("enrollment.started", AuditOutcome.SUCCESS, employee, expectedSerial)
			.detail("deviceName", name));
		NewVirtualDevice device;
		try {
			device = this.devices.create(name, DeviceNames.PATH, tags(employee, createdAt));
		}
		catch (AwsCallException ex) {
			AwsProblem problem = AwsProblem.of(ex);
			this.audit.record(Audits.failure("enrollment.start-failed", employee, expectedSerial, problem));
			throw EnrollmentException.fromAws("start", problem);
		}
		Set<String> devicesAtStart = assigned.devices()
			.stream()
			.map(Device::serialNumber)
			.collect(Collectors.toSet());
		PendingEnrollment pending = new PendingEnrollment(device.serialNumber(), employee.iamUserName(),
				employee.username(), device.base32Seed(), createdAt, devicesAtStart);
		return new StartedEnrollment(pending, this.tokens.seal(pending), this.account.displayName());
	}

	private static Map<String, String> tags(Employee employee, Instant createdAt) {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put(TAG_CREATED_BY, "mfa-portal");
		tags.put(TAG_PORTAL_USER, employee.username());
		tags.put(TAG_CREATED_AT, createdAt.toString());
		return tags;
	}

	/** Opens a token for the scan page again (after a refused activation), or refuses it. */
	StartedEnrollment reopen(Employee employee, String token) {
		PendingEnrollment pending = this.tokens.open(employee, token, "enrollment.activation-failed");
		return new StartedEnrollment(pending, token, this.account.displayName());
	}

	/** Deletes the pending device; an expired token may still be cancelled. */
	String cancel(Employee employee, String token) {
		String serial = this.tokens.serialAllowingExpiry(employee, token, "enrollment.cancel-failed");
		deleteAbandoned(employee, serial, "cancelled");
		return serial;
	}

	/** Deletes a device that will never be activated (S18); the sweeper retries what fails here. */
	void deleteAbandoned(Employee employee, String serial, String reason) {
		this.audit.record(Audits.event("enrollment.cancelled", AuditOutcome.SUCCESS, employee, serial)
			.detail("reason", reason));
		try {
			this.devices.delete(serial);
		}
		catch (AwsCallException ex) {
			// Already gone (swept, or a second click) is the outcome the employee wanted.
			if (!ex.is(AwsCallException.Kind.NOT_FOUND)) {
				this.audit.record(Audits.failure("enrollment.cancel-failed", employee, serial, AwsProblem.of(ex)));
			}
		}
	}

	/** A started enrollment: what the scan page shows. */
	record StartedEnrollment(PendingEnrollment pending, String token, String accountName) {
	}

}
