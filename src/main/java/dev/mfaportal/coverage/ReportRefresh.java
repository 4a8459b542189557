package dev.mfaportal.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.CredentialReports;
import dev.mfaportal.aws.IamUsers;

import org.springframework.stereotype.Component;

/**
 * Gets the next credential report from IAM: asks for a generation when one is due and the shared rate limit
 * allows, collects it once IAM has it, checks it reads, lists the users in scope, and stores it as the last good
 * report. Whatever goes wrong is recorded as the refresh state, and the last good report stays. No database
 * transaction or connection is held across a call to AWS; one refresh runs at a time per instance.
 */
@Component
class ReportRefresh {

	private final CredentialReports reports;

	private final IamUsers users;

	private final ReportStore store;

	private final RefreshStore refresh;

	private final Clock clock;

	private final CoverageProperties properties;

	private final AtomicBoolean running = new AtomicBoolean();

	ReportRefresh(CredentialReports reports, IamUsers users, ReportStore store, RefreshStore refresh, Clock clock,
			CoverageProperties properties) {
		this.reports = reports;
		this.users = users;
		this.store = store;
		this.refresh = refresh;
		this.clock = clock;
		this.properties = properties;
	}

	/** The background check: does something only when a report is due, being generated, or a failure to retry. */
	void onSchedule() {
		run(false);
	}

	/**
	 * An admin asked for a fresh report: a generation if the interval allows, and a fetch either way.
	 * @return {@code false} when a refresh was already running here
	 */
	boolean requested() {
		return run(true);
	}

	private boolean run(boolean asked) {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		try {
			step(asked);
			return true;
		}
		finally {
			this.running.set(false);
		}
	}

	private void step(boolean asked) {
		Instant now = this.clock.instant();
		RefreshStatus status = this.refresh.status();
		if (!asked && !status.due(now, this.properties.generateInterval())) {
			return;
		}
		try {
			if ((asked || status.wantsNewReport(now, this.properties.generateInterval()))
					&& this.refresh.claimGeneration(now, this.properties.generateInterval())
					&& this.reports.generate() != CredentialReports.Generation.COMPLETE) {
				this.refresh.record(RefreshState.GENERATING, now, null);
				return;
			}
			CredentialReports.Report report = this.reports.fetch();
			switch (report.status()) {
				case READY -> accept(report.csv(), report.generatedAt(), now);
				case IN_PROGRESS -> this.refresh.record(RefreshState.GENERATING, now, null);
				case NOT_PRESENT -> this.refresh.record(RefreshState.NOT_PRESENT, now, null);
				case EXPIRED -> this.refresh.record(RefreshState.EXPIRED, now, null);
			}
		}
		catch (AwsCallException ex) {
			this.refresh.record(RefreshState.of(ex), now, null, ex.errorCode(), ex.requestId(), null);
		}
	}

	private void accept(byte[] csv, Instant generatedAt, Instant now) {
		try {
			CredentialReportParser.parse(csv);
		}
		catch (MalformedReportException ex) {
			this.refresh.record(RefreshState.MALFORMED, now, generatedAt, null, null, ex.getMessage());
			return;
		}
		String path = this.properties.pathPrefix();
		Map<String, Integer> devices = this.users.virtualMfaDeviceCounts();
		List<String> names = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		for (IamUsers.IamUser user : this.users.listUnder(path)) {
			names.add(user.userName());
			counts.add(devices.getOrDefault(user.userName(), 0));
		}
		this.store.save(new StoredReport(generatedAt, now, csv, path, names, counts));
		this.refresh.record(RefreshState.CURRENT, now, generatedAt);
	}

}
