package dev.mfaportal.coverage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the credential report by its header, not by position, so the 16-column reports of old and the 22-column
 * reports of today (and columns AWS may add) read the same. The values are those of the IAM User Guide ("Getting
 * credential reports for your AWS account"): {@code true}/{@code false}, ISO-8601 times such as
 * {@code 2017-06-10T02:35:07+00:00}, and {@code N/A}, {@code no_information} or {@code not_supported} where there
 * is no time. The root row ({@code <root_account>}) is not an IAM user and is left out. Anything else is
 * {@link MalformedReportException}.
 */
final class CredentialReportParser {

	static final String ROOT = "<root_account>";

	/** The columns the portal cannot do without; the rest are read when present. */
	static final List<String> REQUIRED = List.of("user", "arn", "password_enabled", "mfa_active", "access_key_1_active",
			"access_key_1_last_rotated", "access_key_2_active", "access_key_2_last_rotated");

	private static final Set<String> NO_TIME = Set.of("N/A", "no_information", "not_supported");

	private CredentialReportParser() {
	}

	static List<ReportUser> parse(byte[] csv) {
		Reader reader = new Reader();
		CsvLines.forEach(new String(csv, StandardCharsets.UTF_8), reader::accept);
		return reader.users();
	}

	/** The header once read, and the users of the rows after it. */
	private static final class Reader {

		private final Map<String, Integer> header = new HashMap<>();

		private final List<ReportUser> users = new ArrayList<>();

		private int width;

		void accept(List<String> cells, int line) {
			if (this.width == 0) {
				readHeader(cells);
			}
			else if (cells.size() != this.width) {
				throw new MalformedReportException(
						"line " + line + " has " + cells.size() + " cells, the header " + this.width);
			}
			else if (!ROOT.equals(cells.get(this.header.get("user")))) {
				this.users.add(new Row(this.header, cells, line).user());
			}
		}

		private void readHeader(List<String> cells) {
			for (int i = 0; i < cells.size(); i++) {
				this.header.putIfAbsent(cells.get(i).strip(), i);
			}
			for (String column : REQUIRED) {
				if (!this.header.containsKey(column)) {
					throw new MalformedReportException("the report has no column " + column);
				}
			}
			this.width = cells.size();
		}

		List<ReportUser> users() {
			if (this.width == 0) {
				throw new MalformedReportException("the report is empty");
			}
			return this.users;
		}

	}

	/** One data row and the header to read it by. */
	private record Row(Map<String, Integer> header, List<String> cells, int line) {

		ReportUser user() {
			List<ReportUser.AccessKey> keys = List.of(key(1), key(2));
			Boolean password = bool("password_enabled", true);
			return new ReportUser(text("user"), text("arn"), Boolean.TRUE.equals(password), time("password_last_used"),
					Boolean.TRUE.equals(bool("mfa_active", false)), keys);
		}

		private ReportUser.AccessKey key(int slot) {
			String prefix = "access_key_" + slot + "_";
			boolean usageKnown = this.header.containsKey(prefix + "last_used_date");
			return new ReportUser.AccessKey(slot, Boolean.TRUE.equals(bool(prefix + "active", false)),
					time(prefix + "last_rotated"), usageKnown ? time(prefix + "last_used_date") : null, usageKnown);
		}

		private String text(String column) {
			String value = this.cells.get(this.header.get(column));
			if (value.isEmpty()) {
				throw malformed(column, "is empty");
			}
			return value;
		}

		/** {@code not_supported} is allowed where AWS writes it for the root: the password columns. */
		private @Nullable Boolean bool(String column, boolean notSupportedAllowed) {
			String value = this.cells.get(this.header.get(column)).toLowerCase(Locale.ROOT);
			return switch (value) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> {
					if (notSupportedAllowed && value.equals("not_supported")) {
						yield null;
					}
					throw malformed(column, "is not true or false");
				}
			};
		}

		private @Nullable Instant time(String column) {
			Integer index = this.header.get(column);
			if (index == null) {
				return null;
			}
			String value = this.cells.get(index);
			if (NO_TIME.contains(value)) {
				return null;
			}
			try {
				return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw malformed(column, "is neither a time nor N/A");
			}
		}

		private MalformedReportException malformed(String column, String problem) {
			return new MalformedReportException("line " + this.line + ": " + column + " " + problem);
		}

	}

}
