package dev.mfaportal.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /admin/audit.csv}: the rows the audit view shows for the same filter, all of them, streamed straight
 * from a database cursor to the response so memory stays flat for millions of rows. Times are UTC ISO-8601.
 * The export itself is audited: who took a copy of the log, and of which part.
 */
@Controller
class AuditExportController {

	private final AuditQueries queries;

	private final AuditLog auditLog;

	private final Clock clock;

	AuditExportController(AuditQueries queries, AuditLog auditLog, Clock clock) {
		this.queries = queries;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@GetMapping("/admin/audit.csv")
	void export(@ModelAttribute @Nullable AuditFilter filter, BindingResult errors, Principal admin,
			HttpServletResponse response) throws IOException {
		if (filter == null || errors.hasErrors() || !AuditFilterCheck.check(filter, errors)) {
			// The audit view shows which field is wrong; the export only refuses.
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		this.auditLog.record(AuditEvent.of("admin.audit-exported", AuditOutcome.SUCCESS)
			.portalUser(admin.getName())
			.detail("filter", filter.queryString()));
		String name = "audit-" + this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
		AuditCsv.header(out);
		try {
			this.queries.forEach(filter, AuditCsv.COLUMNS, (rs) -> AuditCsv.row(out, rs));
		}
		catch (UncheckedIOException ex) {
			// The admin's browser went away mid-download: hand the container its IOException back.
			throw ex.getCause();
		}
		out.flush();
	}

}
