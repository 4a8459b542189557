package dev.mfaportal.coverage;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The shared state of the background refresh (V70 {@code coverage_refresh}).
 *
 * @param state what the last attempt found
 * @param at when
 * @param seenGeneratedAt the GeneratedTime of the newest report seen, readable or not
 * @param generationRequestedAt when {@code GenerateCredentialReport} was last called
 * @param awsErrorCode the AWS error code of a failed attempt
 * @param awsRequestId the AWS request id of a failed attempt
 * @param detail what was wrong with a malformed report (line and column, no content)
 */
record RefreshStatus(RefreshState state, Instant at, @Nullable Instant seenGeneratedAt,
		@Nullable Instant generationRequestedAt, @Nullable String awsErrorCode, @Nullable String awsRequestId,
		@Nullable String detail) {

	/**
	 * Whether a scheduled check has anything to do: a generation to collect, an answer to retry, an old report. A
	 * refusal is asked again only after {@code interval}, so a missing permission does not fill CloudTrail with
	 * denials; the refresh button asks at once.
	 */
	boolean due(Instant now, Duration interval) {
		return switch (this.state) {
			case CURRENT, MALFORMED -> wantsNewReport(now, interval);
			case DENIED, FAILED -> !now.isBefore(this.at.plus(interval));
			default -> true;
		};
	}

	/** Whether IAM should be asked for a new report: none seen, the one seen is old, or IAM has none. */
	boolean wantsNewReport(Instant now, Duration interval) {
		return this.seenGeneratedAt == null || !now.isBefore(this.seenGeneratedAt.plus(interval))
				|| this.state == RefreshState.NOT_PRESENT || this.state == RefreshState.EXPIRED;
	}

	/** The earliest time the portal calls {@code GenerateCredentialReport} again. */
	@Nullable Instant nextGenerationAt(Duration interval) {
		return (this.generationRequestedAt != null) ? this.generationRequestedAt.plus(interval) : null;
	}

}
