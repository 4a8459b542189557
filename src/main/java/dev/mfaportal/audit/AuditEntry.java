package dev.mfaportal.audit;

import java.time.Instant;

/**
 * One audit row as other modules may show it (the help desk's "recent events"): no hashes, no detail.
 */
public record AuditEntry(long id, Instant occurredAt, String portalUser, String iamUser, String action,
		String outcome, String mfaSerial, String sourceIp) {

}
