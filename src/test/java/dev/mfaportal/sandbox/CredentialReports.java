package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The account's credential report: at most one generation every four hours, asynchronous, and the switches
 * tests use to make it absent, expired or malformed. Callers hold the account's lock.
 */
final class CredentialReports {

	/**
	 * "IAM first checks whether a report for the AWS account has been generated within the past four hours.
	 * If so, the most recent report is downloaded" (Getting credential reports for your AWS account).
	 */
	static final Duration FRESH_FOR = Duration.ofHours(4);

	private Duration generationDelay = Duration.ZERO;

	private Report report;

	private UnaryOperator<String> tamper = UnaryOperator.identity();

	private int generations;

	/**
	 * The State (and Description) GenerateCredentialReport answers. Real first call: STARTED with "No report
	 * exists. Starting a new report generation task"; a later one: COMPLETE without Description
	 * (prowler-cloud/prowler#272). INPROGRESS while generating is in the model; that it comes without a
	 * Description, and none when a stale or expired report is replaced, is UNCONFIRMED.
	 */
	Generation generate(Instant now, Supplier<String> snapshot) {
		if (this.report == null || this.report.expired() || !now.isBefore(this.report.ready().plus(FRESH_FOR))) {
			String description = (this.report == null) ? "No report exists. Starting a new report generation task" : null;
			// The content is the account as it is now; AWS's may lag (a user deleted since still shows,
			// cloudquery/cq-provider-aws#20).
			this.report = new Report(snapshot.get(), now.plus(this.generationDelay), false);
			this.generations++;
			return new Generation("STARTED", description);
		}
		return new Generation(now.isBefore(this.report.ready()) ? "INPROGRESS" : "COMPLETE", null);
	}

	/**
	 * The report GetCredentialReport answers with. ReportNotPresent (410) and ReportInProgress (404) come
	 * without a message in real output (turbot/steampipe-plugin-aws#509; botocore prints "Unknown":
	 * prowler-cloud/prowler#272, goldfiglabs/introspector#17). ReportExpired without one is UNCONFIRMED, and
	 * so is when AWS lets a report expire (prowler#272 suggests an aged-out report gives ReportNotPresent);
	 * here only {@link #expire()} does.
	 */
	Report get(Instant now) {
		if (this.report == null) {
			throw new SandboxAwsError(410, "ReportNotPresent", null);
		}
		if (this.report.expired()) {
			throw new SandboxAwsError(410, "ReportExpired", null);
		}
		if (now.isBefore(this.report.ready())) {
			throw new SandboxAwsError(404, "ReportInProgress", null);
		}
		return new Report(this.tamper.apply(this.report.csv()), this.report.ready(), false);
	}

	void generationDelay(Duration delay) {
		this.generationDelay = delay;
	}

	void expire() {
		if (this.report != null) {
			this.report = new Report(this.report.csv(), this.report.ready(), true);
		}
	}

	void discard() {
		this.report = null;
	}

	void age(Duration age) {
		if (this.report != null) {
			this.report = new Report(this.report.csv(), this.report.ready().minus(age), this.report.expired());
		}
	}

	void tamper(UnaryOperator<String> change) {
		this.tamper = change;
	}

	int generations() {
		return this.generations;
	}

	void reset() {
		this.report = null;
		this.tamper = UnaryOperator.identity();
		this.generationDelay = Duration.ZERO;
		this.generations = 0;
	}

	/**
	 * A report: the CSV and when it is (or was) complete, its GeneratedTime.
	 */
	record Report(String csv, Instant ready, boolean expired) {
	}

	/**
	 * What GenerateCredentialReport answers.
	 */
	record Generation(String state, String description) {
	}

}
