package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The sandbox account's credential report, for tests: how long a generation takes, switches that make the
 * report absent, expired, old or malformed, and what {@code GetCredentialReport} would return now.
 */
public final class SandboxCredentialReport {

	private final CredentialReports reports;

	private final Object lock;

	SandboxCredentialReport(CredentialReports reports, Object lock) {
		this.reports = reports;
		this.lock = lock;
	}

	/** How long a generation takes before the report is COMPLETE (zero unless set; {@link SandboxAccount#reset()} clears it). */
	public void generationDelay(Duration delay) {
		synchronized (this.lock) {
			this.reports.generationDelay(delay);
		}
	}

	/** The current report has expired: {@code GetCredentialReport} answers {@code ReportExpired} 410 until a new generation. */
	public void expire() {
		synchronized (this.lock) {
			this.reports.expire();
		}
	}

	/** No report exists: {@code GetCredentialReport} answers {@code ReportNotPresent} 410. */
	public void discard() {
		synchronized (this.lock) {
			this.reports.discard();
		}
	}

	/** Makes the current report older by {@code age}, e.g. past the four hours after which a new one is generated. */
	public void age(Duration age) {
		synchronized (this.lock) {
			this.reports.age(age);
		}
	}

	/** Every report returned from now on is first passed through {@code change} (for malformed-report tests). */
	public void tamper(UnaryOperator<String> change) {
		synchronized (this.lock) {
			this.reports.tamper(change);
		}
	}

	/** Every report returned from now on lacks the column {@code column}, header and values. */
	public void dropColumn(String column) {
		int index = CredentialReportCsv.COLUMNS.indexOf(column);
		if (index < 0) {
			throw new IllegalArgumentException("No such column: " + column);
		}
		tamper((csv) -> csv.lines().map((line) -> {
			List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
			cells.remove(index);
			return String.join(",", cells);
		}).collect(Collectors.joining("\n")));
	}

	/** The CSV {@code GetCredentialReport} would return now, if it would return one. */
	public Optional<String> csv() {
		synchronized (this.lock) {
			try {
				return Optional.of(this.reports.get(Instant.now()).csv());
			}
			catch (SandboxAwsError notAvailable) {
				return Optional.empty();
			}
		}
	}

	/** How many generations started since the last reset (at most one every four hours). */
	public int generations() {
		synchronized (this.lock) {
			return this.reports.generations();
		}
	}

}
