package dev.mfaportal.coverage;

import dev.mfaportal.aws.AwsCallException;

/**
 * What the last look at AWS found; the page says it in words ({@code coverage.state.*}) beside the last good
 * report.
 */
enum RefreshState {

	/** Nothing has been tried yet. */
	NONE,

	/** The stored report is the newest IAM has. */
	CURRENT,

	/** IAM is generating a report; the next check fetches it. */
	GENERATING,

	/** IAM has no report ({@code ReportNotPresent}); a generation is requested when the interval allows. */
	NOT_PRESENT,

	/** IAM's report has expired ({@code ReportExpired}); a generation is requested when the interval allows. */
	EXPIRED,

	/** AWS did not answer usefully: throttling, a 5xx, a timeout. */
	UNAVAILABLE,

	/** The portal's identity may not read the report or list the users (docs/iam-policy.md). */
	DENIED,

	/** The report could not be read (a column missing, an unknown value). */
	MALFORMED,

	/** Any other AWS error. */
	FAILED;

	static RefreshState of(AwsCallException failure) {
		return switch (failure.kind()) {
			case UNAVAILABLE, TRY_AGAIN_SHORTLY -> UNAVAILABLE;
			case ACCESS_DENIED -> DENIED;
			default -> FAILED;
		};
	}

}
