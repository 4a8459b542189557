package dev.mfaportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Percent-encoding as RFC 3986 defines it: every byte of the UTF-8 form except the unreserved characters
 * {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX}. SigV4's canonical query and IAM's policy documents use it.
 */
final class Rfc3986 {

	private Rfc3986() {
	}

	static String encode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
			}
		}
		return out.toString();
	}

}
