package dev.mfaportal.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mfaportal.identity.Employee;

/**
 * One thing that happened, as a feature module describes it. Time, source IP and user agent are added by
 * {@link AuditLog} itself. Never put a secret here (S3): seeds, codes, secret keys and session tokens
 * have no field, and {@code detail} is for small, non-secret facts.
 *
 * @param action dotted name such as {@code enrollment.started} or {@code credentials.issued}
 */
public record AuditEvent(String action, AuditOutcome outcome, String portalUser, String iamUser, String mfaSerial,
		String accessKeyId, Instant expiresAt, String awsRequestId, Map<String, String> detail) {

	public AuditEvent {
		detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
	}

	public static AuditEvent of(String action, AuditOutcome outcome) {
		return new AuditEvent(action, outcome, null, null, null, null, null, null, Map.of());
	}

	public AuditEvent by(Employee employee) {
		return new AuditEvent(this.action, this.outcome, employee.username(), employee.iamUserName(), this.mfaSerial,
				this.accessKeyId, this.expiresAt, this.awsRequestId, this.detail);
	}

	public AuditEvent portalUser(String portalUser) {
		return new AuditEvent(this.action, this.outcome, portalUser, this.iamUser, this.mfaSerial, this.accessKeyId,
				this.expiresAt, this.awsRequestId, this.detail);
	}

	public AuditEvent iamUser(String iamUser) {
		return new AuditEvent(this.action, this.outcome, this.portalUser, iamUser, this.mfaSerial, this.accessKeyId,
				this.expiresAt, this.awsRequestId, this.detail);
	}

	public AuditEvent mfaSerial(String mfaSerial) {
		return new AuditEvent(this.action, this.outcome, this.portalUser, this.iamUser, mfaSerial, this.accessKeyId,
				this.expiresAt, this.awsRequestId, this.detail);
	}

	public AuditEvent accessKeyId(String accessKeyId) {
		return new AuditEvent(this.action, this.outcome, this.portalUser, this.iamUser, this.mfaSerial, accessKeyId,
				this.expiresAt, this.awsRequestId, this.detail);
	}

	public AuditEvent expiresAt(Instant expiresAt) {
		return new AuditEvent(this.action, this.outcome, this.portalUser, this.iamUser, this.mfaSerial,
				this.accessKeyId, expiresAt, this.awsRequestId, this.detail);
	}

	public AuditEvent awsRequestId(String awsRequestId) {
		return new AuditEvent(this.action, this.outcome, this.portalUser, this.iamUser, this.mfaSerial,
				this.accessKeyId, this.expiresAt, awsRequestId, this.detail);
	}

	public AuditEvent detail(String key, Object value) {
		Map<String, String> more = new LinkedHashMap<>(this.detail);
		more.put(key, String.valueOf(value));
		return new AuditEvent(this.action, this.outcome, this.portalUser, this.iamUser, this.mfaSerial,
				this.accessKeyId, this.expiresAt, this.awsRequestId, more);
	}

}
