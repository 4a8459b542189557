package dev.mfaportal.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the repository's Dockerfile promises the orchestrator: the user its runtime stage runs as, the ports it
 * exposes, and the URL of its health check.
 *
 * @param uid the numeric user of the last {@code USER} instruction
 * @param gid its numeric group
 * @param exposedPorts the ports of every {@code EXPOSE}
 * @param healthCheck the URL the {@code HEALTHCHECK} command asks
 */
record ContainerImage(long uid, long gid, List<Integer> exposedPorts, URI healthCheck) {

	static final Path DOCKERFILE = Path.of("Dockerfile");

	private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+):(\\d+)\\s*$");

	private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

	private static final Pattern HEALTHCHECK_URL = Pattern.compile("(?s)HEALTHCHECK.*?(http://\\S+)");

	static ContainerImage read() {
		String text;
		try {
			text = Files.readString(DOCKERFILE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher user = lastMatch(USER, text);
		Matcher health = HEALTHCHECK_URL.matcher(text);
		if (!health.find()) {
			throw new IllegalStateException("The Dockerfile has no HEALTHCHECK asking an http:// URL");
		}
		List<Integer> ports = EXPOSE.matcher(text).results().map((port) -> Integer.parseInt(port.group(1))).toList();
		return new ContainerImage(Long.parseLong(user.group(1)), Long.parseLong(user.group(2)), ports,
				URI.create(health.group(1)));
	}

	private static Matcher lastMatch(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		Matcher last = null;
		while (matcher.find()) {
			last = pattern.matcher(text);
			last.find(matcher.start());
		}
		if (last == null) {
			throw new IllegalStateException("The Dockerfile has no numeric USER uid:gid");
		}
		return last;
	}

}
