package dev.mfaportal.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * Reads CSV text one record at a time (RFC 4180): commas, double-quoted cells with doubled quotes inside, LF or
 * CRLF line ends, an optional last line end, blank lines skipped. IAM user names may contain commas, so quoting is
 * honoured although the public samples of the report never quote. One record is held at a time, so a report of
 * 50,000 users never exists as a million cells at once.
 */
final class CsvLines {

	private CsvLines() {
	}

	/** Hands each record, with its 1-based line number, to {@code handler}. */
	static void forEach(String text, ObjIntConsumer<List<String>> handler) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int recordLine = 1;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (quoted) {
				if (c != '"') {
					line += (c == '\n') ? 1 : 0;
					cell.append(c);
				}
				else if (i < text.length() && text.charAt(i) == '"') {
					cell.append('"');
					i++;
				}
				else {
					quoted = false;
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
					i++;
				}
				end(cells, cell, recordLine, handler);
				cells = new ArrayList<>();
				recordLine = ++line;
			}
			else {
				cell.append(c);
			}
		}
		end(cells, cell, recordLine, handler);
	}

	private static void end(List<String> cells, StringBuilder cell, int line, ObjIntConsumer<List<String>> handler) {
		if (cells.isEmpty() && cell.isEmpty()) {
			return;
		}
		cells.add(cell.toString());
		cell.setLength(0);
		handler.accept(cells, line);
	}

}
