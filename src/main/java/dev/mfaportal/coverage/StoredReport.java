package dev.mfaportal.coverage;

import java.time.Instant;
import java.util.List;

/**
 * The last good credential report and the scope it was fetched for.
 *
 * @param generatedAt when IAM generated the report
 * @param fetchedAt when the portal fetched it
 * @param content the report as IAM sent it
 * @param scopePath the path prefix the scope was listed under
 * @param scopeUsers the IAM users under that path when the report was fetched, as {@code ListUsers} gave them
 * @param scopeDevices the virtual MFA devices of each user of {@code scopeUsers}, index for index
 */
record StoredReport(Instant generatedAt, Instant fetchedAt, byte[] content, String scopePath, List<String> scopeUsers,
		List<Integer> scopeDevices) {

	StoredReport {
		if (scopeUsers.size() != scopeDevices.size()) {
			throw new IllegalArgumentException("One device count per user in scope");
		}
		scopeUsers = List.copyOf(scopeUsers);
		scopeDevices = List.copyOf(scopeDevices);
	}

}
