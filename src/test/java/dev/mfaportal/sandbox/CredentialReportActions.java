package dev.mfaportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * {@code GenerateCredentialReport} and {@code GetCredentialReport}: one CSV for the whole account, base64
 * in {@code Content}, with {@code ReportFormat} {@code text/csv} and {@code GeneratedTime} (API reference of
 * both actions).
 */
final class CredentialReportActions {

	private final IamState iam;

	private final AccessKeys keys;

	private final CredentialReports reports;

	CredentialReportActions(IamState iam, AccessKeys keys, CredentialReports reports) {
		this.iam = iam;
		this.keys = keys;
		this.reports = reports;
	}

	void register(Map<String, Action> actions) {
		actions.put("GenerateCredentialReport", this::generate);
		actions.put("GetCredentialReport", this::get);
	}

	private String generate(AccessKeys.Key caller, FormParams params) {
		CredentialReports.Generation generation = this.reports.generate(Instant.now(),
				() -> CredentialReportCsv.build(this.iam, this.keys));
		return new Xml().leaf("State", generation.state()).leaf("Description", generation.description()).toString();
	}

	private String get(AccessKeys.Key caller, FormParams params) {
		CredentialReports.Report report = this.reports.get(Instant.now());
		return new Xml()
			.leaf("Content", Base64.getEncoder().encodeToString(report.csv().getBytes(StandardCharsets.UTF_8)))
			.leaf("ReportFormat", "text/csv")
			.leaf("GeneratedTime", report.ready())
			.toString();
	}

}
