package dev.mfaportal.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriUtils;

/**
 * Finds the first control character in what a request carries (S33): its path, its parameters (query and
 * form body) and its headers. Only a parameter's value may hold a tab or a line break, as a multi-line form
 * field (a reason) does; names, paths and header values never need one.
 */
final class ControlCharacters {

	private ControlCharacters() {
	}

	/**
	 * Where a control character was found.
	 *
	 * Never the value that held it: that may be a password, a secret access key or a session cookie (S2, S3),
	 * and the audit row would keep it for good.
	 *
	 * @param where {@code path}, {@code parameter} or {@code header}
	 * @param name the parameter's or header's name; the path itself for {@code path} (a path is no secret)
	 * @param character the first control character, as {@code U+0000}
	 * @param at its index in the name or value that held it
	 */
	record Finding(String where, String name, String character, int at) {

		static Finding of(String where, String name, String text, int at) {
			return new Finding(where, name, String.format("U+%04X", (int) text.charAt(at)), at);
		}

	}

	static Optional<Finding> in(HttpServletRequest request) {
		String path = decoded(request.getRequestURI());
		int at = firstControl(path, false);
		if (at >= 0) {
			return Optional.of(Finding.of("path", path, path, at));
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if ((at = firstControl(name, false)) >= 0) {
				return Optional.of(Finding.of("parameter", name, name, at));
			}
			for (String value : parameter.getValue()) {
				if ((at = firstControl(value, true)) >= 0) {
					return Optional.of(Finding.of("parameter", name, value, at));
				}
			}
		}
		for (String header : Collections.list(request.getHeaderNames())) {
			if ((at = firstControl(header, false)) >= 0) {
				return Optional.of(Finding.of("header", header, header, at));
			}
			for (String value : Collections.list(request.getHeaders(header))) {
				if ((at = firstControl(value, false)) >= 0) {
					return Optional.of(Finding.of("header", header, value, at));
				}
			}
		}
		return Optional.empty();
	}

	/** @return the index of the first control character in {@code text}, or -1 */
	static int firstControl(String text, boolean lineBreaksAllowed) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\r' || c == '\n'))) {
				return i;
			}
		}
		return -1;
	}

	static boolean containsAny(String text, boolean lineBreaksAllowed) {
		return firstControl(text, lineBreaksAllowed) >= 0;
	}

	/** C0, DEL and C1, as {@link Character#isISOControl} says. */
	private static boolean isControl(char c) {
		return Character.isISOControl(c);
	}

	/** The servlet container has refused malformed escapes already; a path it let through decodes. */
	private static String decoded(String uri) {
		try {
			return UriUtils.decode(uri, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return uri;
		}
	}

}
