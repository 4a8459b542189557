package dev.mfaportal.audit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S33: every value reaches the audit table validated and capped, whoever sent it, so that a flood of huge or
 * odd values cannot grow the append-only table (which nobody may shrink) or the audit page. Control characters
 * are written as visible {@code \\uXXXX} escapes (PostgreSQL refuses NUL in text, and a raw newline or escape
 * sequence would mislead a reader of a log or a terminal); a cut value ends with {@code …}. The caps apply
 * before the row is hashed, so the chain covers exactly what is stored.
 */
final class AuditCaps {

	/** Names chosen from outside: attempted user names, IAM user names. */
	static final int NAME_MAX_LENGTH = 256;

	/** IAM's own limit on an MFA serial number. */
	static final int SERIAL_MAX_LENGTH = 256;

	/** Action names, access key ids and AWS request ids are short; anything longer is not one. */
	static final int SHORT_MAX_LENGTH = 128;

	static final int USER_AGENT_MAX_LENGTH = 512;

	static final int DETAIL_KEY_MAX_LENGTH = 64;

	static final int DETAIL_VALUE_MAX_LENGTH = 1024;

	/** The whole detail object, as stored JSON, in UTF-8 bytes. */
	static final int DETAIL_JSON_MAX_BYTES = 4096;

	/** Says how many entries did not fit; its own room is kept free below the JSON cap. */
	static final String DROPPED = "droppedEntries";

	private static final int DROPPED_ROOM = 40;

	private AuditCaps() {
	}

	static String text(String value, int maxLength) {
		if (value == null) {
			return null;
		}
		String escaped = escapeControls(value);
		if (escaped.length() <= maxLength) {
			return escaped;
		}
		int end = maxLength - 1;
		if (Character.isHighSurrogate(escaped.charAt(end - 1))) {
			end--;
		}
		return escaped.substring(0, end) + "…";
	}

	static Map<String, String> detail(Map<String, String> detail) {
		Map<String, String> capped = new LinkedHashMap<>();
		int dropped = 0;
		for (Map.Entry<String, String> entry : detail.entrySet()) {
			String key = text(entry.getKey(), DETAIL_KEY_MAX_LENGTH);
			String value = text(entry.getValue(), DETAIL_VALUE_MAX_LENGTH);
			capped.put(key, value);
			if (bytes(capped) > DETAIL_JSON_MAX_BYTES - DROPPED_ROOM) {
				capped.remove(key);
				dropped++;
			}
		}
		if (dropped > 0) {
			capped.put(DROPPED, Integer.toString(dropped));
		}
		return capped;
	}

	private static int bytes(Map<String, String> detail) {
		return AuditRow.detailJson(detail).getBytes(StandardCharsets.UTF_8).length;
	}

	private static String escapeControls(String value) {
		StringBuilder out = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
			if (control && out == null) {
				out = new StringBuilder(value.length() + 8).append(value, 0, i);
			}
			if (out != null) {
				if (control) {
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
		}
		return (out != null) ? out.toString() : value;
	}

}
