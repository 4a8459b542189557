package dev.mfaportal.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** It happened (or, for an attempt recorded before an AWS change, it was started). */
	SUCCESS,

	/** It was tried and failed: bad input, a wrong code, AWS said no. */
	FAILURE,

	/** The portal refused it: 403, 429, another employee's resource. */
	DENIED

}
