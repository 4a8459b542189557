package dev.mfaportal.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /admin/audit.csv}: the rows the audit view shows for the same filter, all of them, streamed straight
 * from a database cursor to the response so memory stays flat for millions of rows. Times are UTC ISO-8601.
 * The export itself is audited: who took a copy of the log, and of which part.
 */
@Controller
class AuditExportController {

	static final String[] HEADER = { "id", "occurred_at", "portal_user", "iam_user", "action", "outcome",
			"source_ip", "user_agent", "mfa_serial", "access_key_id", "expires_at", "aws_request_id", "detail",
			"prev_hash", "row_hash" };

	private final AuditQueries queries;

	private final AuditLog auditLog;

	AuditExportController(AuditQueries queries, AuditLog auditLog) {
		this.queries = queries;
		this.auditLog = auditLog;
	}

	@GetMapping("/admin/audit.csv")
	void export(@ModelAttribute AuditFilter filter, Principal admin, HttpServletResponse response) throws IOException {
		this.auditLog.record(AuditEvent.of("admin.audit-exported", AuditOutcome.SUCCESS)
			.portalUser(admin.getName())
			.detail("filter", filter.queryString()));
		String name = "audit-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
		line(out, HEADER);
		try {
			this.queries.forEach(filter, (row) -> write(out, row));
		}
		catch (UncheckedIOException ex) {
			// The admin's browser went away mid-download; nothing to tell anyone.
			throw ex.getCause();
		}
		out.flush();
	}

	private static void write(Writer out, AuditRow row) {
		try {
			line(out, Long.toString(row.id()), AuditHashes.formatTime(row.occurredAt()), row.portalUser(),
					row.iamUser(), row.action(), row.outcome(), row.sourceIp(), row.userAgent(), row.mfaSerial(),
					row.accessKeyId(), AuditHashes.formatTime(row.expiresAt()), row.awsRequestId(),
					AuditRow.detailJson(row.detail()), row.prevHash(), row.rowHash());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void line(Writer out, String... cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(CsvCells.cell(cells[i]));
		}
		out.write("\r\n");
	}

}
