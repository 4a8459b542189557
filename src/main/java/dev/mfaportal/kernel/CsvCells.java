package dev.mfaportal.kernel;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 cells that are also safe to open in a spreadsheet (S25): a value starting with {@code = + - @},
 * a tab or a carriage return could run as a formula, so it gets a leading {@code '} (OWASP's advice); a value
 * with a comma, quote, line break or edge space is quoted, quotes doubled.
 */
public final class CsvCells {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvCells() {
	}

	public static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (needsQuotes(safe)) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
	}

}
