package dev.mfaportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The real portal in a JVM of its own, started with {@code java -cp … MfaPortalApplication} and the same
 * arguments an in-process instance gets, so that a test can kill it as a crashing node or the kernel's OOM
 * killer would: {@link #kill()} sends SIGKILL, and nothing in the portal (no shutdown hook, no graceful
 * shutdown, no pending commit) gets to run. Its output goes to {@code portal.log} in the given directory.
 */
final class PortalProcess implements AutoCloseable {

	private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

	private final Process process;

	private final Path log;

	private final int port;

	private PortalProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the portal with {@code arguments} (any {@code --server.port} among them replaced) on a free port
	 * and waits until it reports itself ready.
	 */
	static PortalProcess start(Path directory, List<String> arguments) {
		int port = Nginx.freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", testClassPath(), MfaPortalApplication.class.getName()));
		// A port of its own, chosen here: the process cannot tell this JVM which random port it took.
		arguments.stream().filter((argument) -> !argument.startsWith("--server.port=")).forEach(command::add);
		command.add("--server.port=" + port);
		Path log = directory.resolve("portal-" + port + ".log");
		try {
			Files.createDirectories(directory);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			PortalProcess portal = new PortalProcess(process, log, port);
			portal.awaitReady();
			return portal;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Surefire runs the tests from a manifest-only jar and puts the real class path here. */
	private static String testClassPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			await().atMost(STARTUP_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							"The portal process exited with " + this.process.exitValue() + ":\n" + logTail());
				}
				try {
					return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException ex) {
					return false; // Not listening yet.
				}
			});
		}
		catch (ConditionTimeoutException ex) {
			kill();
			throw new IllegalStateException("The portal process was not ready within " + STARTUP_LIMIT + ":\n" + logTail(),
					ex);
		}
	}

	int port() {
		return this.port;
	}

	/** SIGKILL ({@link Process#destroyForcibly()} on Linux), then waits for the process to be gone. */
	void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The portal process outlived SIGKILL by 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * SIGTERM ({@link Process#destroy()}), as Kubernetes stops a pod: Spring Boot's shutdown hook then shuts
	 * the portal down gracefully. Killed if it is still there after 30 s.
	 */
	void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The last lines the process wrote, for a failure message. */
	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			stop();
		}
	}

}
