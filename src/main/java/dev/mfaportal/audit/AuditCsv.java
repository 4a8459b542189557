package dev.mfaportal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The CSV form of audit rows: one header line, then one line per row with every column, times in UTC
 * ISO-8601 with microseconds, cells made safe by {@link CsvCells}, lines ending in CRLF (RFC 4180).
 */
final class AuditCsv {

	static final String[] HEADER = { "id", "occurred_at", "portal_user", "iam_user", "action", "outcome",
			"source_ip", "user_agent", "mfa_serial", "access_key_id", "expires_at", "aws_request_id", "detail",
			"prev_hash", "row_hash" };

	private AuditCsv() {
	}

	static void header(Writer out) throws IOException {
		line(out, HEADER);
	}

	/** Writes one row; an {@link IOException} (the client went away) comes out unchecked for use in a stream. */
	static void row(Writer out, AuditRow row) {
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
