package dev.mfaportal.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How many users in scope each filter matches, shown beside the filter.
 *
 * @param users every user in scope
 * @param withMfa those with an active MFA device
 * @param withoutMfa those without
 * @param oldKeys those with an active access key older than the filter's days
 * @param neverUsed those who never signed in, enrolled or issued credentials through the portal
 */
record CoverageCounts(int users, int withMfa, int withoutMfa, int oldKeys, int neverUsed) {

	static CoverageCounts of(List<CoverageRow> rows, Instant now, int keyDays) {
		Instant cutoff = now.minus(Duration.ofDays(keyDays));
		int withMfa = 0;
		int oldKeys = 0;
		int neverUsed = 0;
		for (CoverageRow row : rows) {
			withMfa += row.mfaActive() ? 1 : 0;
			oldKeys += row.hasKeyRotatedBefore(cutoff) ? 1 : 0;
			neverUsed += row.neverUsedThePortal() ? 1 : 0;
		}
		return new CoverageCounts(rows.size(), withMfa, rows.size() - withMfa, oldKeys, neverUsed);
	}

	/** Public for the template. */
	public String percent() {
		return CoverageSnapshot.percent(this.withMfa, this.users);
	}

}
