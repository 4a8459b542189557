package dev.mfaportal.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Decides whether a "continue to" target stays on the portal (S12). Only a path on this host is
 * accepted: no scheme, no host, no protocol-relative {@code //host}, no backslashes that browsers read
 * as slashes, no control characters, no encoded slashes or backslashes, and no empty or dot segments
 * (S34), so that {@code /.//host} and {@code /..//host}, which a browser may resolve to {@code //host}, are
 * refused rather than judged by their first characters.
 */
final class LocalPaths {

	static final String HOME = "/";

	private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|5c)", Pattern.CASE_INSENSITIVE);

	// An empty, "." or ".." segment: the portal never links to one, and a browser may make "//host" of it.
	private static final Pattern ODD_SEGMENT = Pattern.compile("//|/\\.{1,2}(/|$)");

	private LocalPaths() {
	}

	static boolean isLocal(String target) {
		if (target == null) {
			return false;
		}
		String path = target.split("[?#]", 2)[0];
		return !ENCODED_SEPARATOR.matcher(target).find() && !ODD_SEGMENT.matcher(path).find() && isLocalAsIs(target);
	}

	private static boolean isLocalAsIs(String target) {
		if (target.isEmpty() || target.length() > 2048 || target.charAt(0) != '/'
				|| target.startsWith("//") || target.indexOf('\\') >= 0) {
			return false;
		}
		if (target.chars().anyMatch(Character::isISOControl)) {
			return false;
		}
		try {
			URI uri = new URI(target);
			return uri.getScheme() == null && uri.getRawAuthority() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** {@code target} when it is local, else the home page. */
	static String orHome(String target) {
		return isLocal(target) ? target : HOME;
	}

	/** Path and query of an absolute URL the portal built itself (a saved request), dropping its host. */
	static String pathOf(String url) {
		try {
			URI uri = new URI(url);
			String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? HOME : uri.getRawPath();
			return orHome((uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path);
		}
		catch (URISyntaxException ex) {
			return HOME;
		}
	}

}
