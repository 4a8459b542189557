package dev.mfaportal.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** It happened. */
	SUCCESS,

	/**
	 * Recorded before an AWS change, so that nothing changes unrecorded: it was tried, not done. The result
	 * follows as its own row ({@code SUCCESS}, {@code FAILURE} or {@code DENIED}); an attempt with no result row
	 * after it ended in doubt (the portal stopped, or AWS never answered).
	 */
	ATTEMPTED,

	/** It was tried and failed: bad input, a wrong code, AWS said no. */
	FAILURE,

	/** The portal refused it: 403, 429, another employee's resource. */
	DENIED

}
