package dev.mfaportal.kernel;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 cells that are also safe to open in a spreadsheet (S25). Every cell is quoted (quotes doubled), so
 * no separator inside a value starts a new cell. A spreadsheet may still split a cell on {@code ;}, {@code ,}, a
 * tab or a line break (a locale's own separator, "text to columns"), so a formula start ({@code = + - @}, a tab
 * or a carriage return) gets a leading {@code '} (OWASP's advice) not only at the start of the value but after
 * each of those separators too, spaces in between included.
 */
public final class CsvCells {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final String SEPARATORS = ";,\t\n\r";

	private CsvCells() {
	}

	public static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "\"\"";
		}
		StringBuilder out = new StringBuilder(value.length() + 8).append('"');
		boolean cellStart = true;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (cellStart && FORMULA_STARTS.indexOf(c) >= 0) {
				out.append('\'');
			}
			out.append((c == '"') ? "\"\"" : String.valueOf(c));
			// A separator begins a new cell in some reader; spaces after it do not end that beginning.
			cellStart = SEPARATORS.indexOf(c) >= 0 || (cellStart && c == ' ');
		}
		return out.append('"').toString();
	}

}
