package dev.mfaportal.coverage;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.kernel.CsvCells;

/**
 * The CSV form of coverage rows: a header, then one line per user, times in UTC ISO-8601, an empty cell for
 * "never" or "none" and {@code unknown} where the report does not say, cells made safe by {@link CsvCells}, lines
 * ending in CRLF (RFC 4180).
 */
final class CoverageCsv {

	static final List<String> HEADER = List.of("iam_user", "in_report", "mfa_active", "mfa_devices",
			"password_enabled", "password_last_used", "key_1_rotated", "key_1_last_used", "key_2_rotated",
			"key_2_last_used", "last_sign_in", "last_enrollment", "last_issuance");

	private CoverageCsv() {
	}

	static void write(Writer out, List<CoverageRow> rows) throws IOException {
		line(out, HEADER);
		for (CoverageRow row : rows) {
			List<String> cells = new ArrayList<>(HEADER.size());
			cells.add(row.iamUser());
			cells.add(String.valueOf(row.inReport()));
			cells.add(row.inReport() ? String.valueOf(row.mfaActive()) : "unknown");
			cells.add((row.mfaDevices() != null) ? row.mfaDevices().toString() : "unknown");
			cells.add((row.passwordEnabled() != null) ? row.passwordEnabled().toString() : "unknown");
			cells.add(time(row.passwordLastUsed()));
			for (int key = 0; key < 2; key++) {
				ReportUser.AccessKey active = (key < row.activeKeys().size()) ? row.activeKeys().get(key) : null;
				cells.add((active != null) ? time(active.lastRotated()) : "");
				cells.add((active == null) ? "" : active.lastUsedKnown() ? time(active.lastUsed()) : "unknown");
			}
			cells.add(time(row.activity().signedIn()));
			cells.add(time(row.activity().enrolled()));
			cells.add(time(row.activity().issued()));
			line(out, cells);
		}
	}

	private static void line(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(CsvCells.cell(cells.get(i)));
		}
		out.write("\r\n");
	}

	private static String time(@Nullable Instant at) {
		return (at != null) ? at.toString() : "";
	}

}
