package dev.mfaportal.aws;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * IAM's credential report, made with the portal's own identity: one CSV for the whole account, so the state of
 * every user's password, MFA and access keys is known without a call per user. IAM builds it asynchronously and
 * at most once every four hours; within that time a generation answers {@link Generation#COMPLETE} and the
 * existing report stays. A failed call (throttling, a missing permission, ...) is an {@link AwsCallException}.
 */
public interface CredentialReports {

	/** {@code GenerateCredentialReport}: starts a new report unless a recent one exists. */
	Generation generate();

	/**
	 * {@code GetCredentialReport}: the report when there is one; otherwise why not ({@code ReportInProgress},
	 * {@code ReportNotPresent}, {@code ReportExpired} are answers here, not failures).
	 */
	Report fetch();

	/** What {@code GenerateCredentialReport} said. */
	enum Generation {

		/** A new report is being built. */
		STARTED,

		/** A report is still being built. */
		IN_PROGRESS,

		/** The current report is recent enough; nothing new is built. */
		COMPLETE

	}

	/** Whether {@code GetCredentialReport} returned a report. */
	enum Status {

		READY, IN_PROGRESS, NOT_PRESENT, EXPIRED

	}

	/**
	 * What {@code GetCredentialReport} returned.
	 *
	 * @param status whether there is a report
	 * @param csv the report as IAM wrote it (CSV, UTF-8), when {@link Status#READY}
	 * @param generatedAt when IAM generated it, when {@link Status#READY}
	 */
	record Report(Status status, byte @Nullable [] csv, @Nullable Instant generatedAt) {

		public static Report ready(byte[] csv, Instant generatedAt) {
			return new Report(Status.READY, csv, generatedAt);
		}

		public static Report notReady(Status status) {
			if (status == Status.READY) {
				throw new IllegalArgumentException("A ready report has content");
			}
			return new Report(status, null, null);
		}

	}

}
