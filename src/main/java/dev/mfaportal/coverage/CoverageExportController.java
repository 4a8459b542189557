package dev.mfaportal.coverage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /admin/coverage.csv}: every row the page's filter matches, in its order, not only one page; with
 * {@code show=no-mfa} it is the list of users without MFA for a mailing. The export is audited: who took a copy
 * of which users' security state.
 */
@Controller
class CoverageExportController {

	private final CoverageSnapshots snapshots;

	private final AuditLog auditLog;

	private final Clock clock;

	private final CoverageProperties properties;

	CoverageExportController(CoverageSnapshots snapshots, AuditLog auditLog, Clock clock, CoverageProperties properties) {
		this.snapshots = snapshots;
		this.auditLog = auditLog;
		this.clock = clock;
		this.properties = properties;
	}

	@GetMapping("/admin/coverage.csv")
	void export(@ModelAttribute CoverageFilter requested, Principal viewer, HttpServletResponse response)
			throws IOException {
		CoverageFilter filter = requested.normalised(this.properties.keyAgeDays());
		Instant now = this.clock.instant();
		List<CoverageRow> rows = this.snapshots.current()
			.map((snapshot) -> filter.apply(snapshot, now))
			.orElse(List.of());
		this.auditLog.record(AuditEvent.of("coverage.exported", AuditOutcome.SUCCESS)
			.portalUser(viewer.getName())
			.detail("show", filter.show())
			.detail("days", filter.days())
			.detail("rows", rows.size()));
		String time = now.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
		String name = "coverage-" + filter.show() + "-" + time + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		CoverageCsv.write(out, rows);
		out.flush();
	}

}
