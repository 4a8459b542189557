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
	 * @param where {@code path}, {@code parameter} or {@code header}
	 * @param name the parameter's or header's name; the path itself for {@code path}
	 * @param value the value holding it, as sent (the audit log escapes and caps it)
	 */
	record Finding(String where, String name, String value) {
	}

	static Optional<Finding> in(HttpServletRequest request) {
		String path = decoded(request.getRequestURI());
		if (containsAny(path, false)) {
			return Optional.of(new Finding("path", path, path));
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (containsAny(parameter.getKey(), false)) {
				return Optional.of(new Finding("parameter", parameter.getKey(), parameter.getKey()));
			}
			for (String value : parameter.getValue()) {
				if (containsAny(value, true)) {
					return Optional.of(new Finding("parameter", parameter.getKey(), value));
				}
			}
		}
		for (String header : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(header))) {
				if (containsAny(header, false) || containsAny(value, false)) {
					return Optional.of(new Finding("header", header, value));
				}
			}
		}
		return Optional.empty();
	}

	static boolean containsAny(String text, boolean lineBreaksAllowed) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\r' || c == '\n'))) {
				return true;
			}
		}
		return false;
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
