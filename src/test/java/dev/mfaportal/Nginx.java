package dev.mfaportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's nginx as the reverse proxy in front of several portal instances, run as a child process: plain
 * round robin, no sticky sessions, everything it writes (config, logs, pid, temporary files) in one
 * directory. Each answer carries {@code X-Upstream: <the instance's address>}, so a test sees which instance
 * served it; the access log has the same per request.
 */
final class Nginx implements AutoCloseable {

	static final Path BINARY = Paths.get("/usr/sbin/nginx");

	/** The response header naming the instance that answered ({@code $upstream_addr}). */
	static final String UPSTREAM_HEADER = "X-Upstream";

	private final Process process;

	private final Path directory;

	private final int port;

	private Nginx(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/** Skips the calling test when nginx is not installed, except under {@code CI=true}, where it fails. */
	static void require() {
		if (Files.isExecutable(BINARY)) {
			return;
		}
		String reason = BINARY + " not found: the two-instance test needs Debian's nginx (apt-get install -y nginx)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(reason + "; CI=true, so it must run");
		}
		Assumptions.abort(reason + "; skipped outside CI");
	}

	/** Starts nginx on a free loopback port, balancing over the instances on {@code upstreamPorts}. */
	static Nginx start(Path directory, List<Integer> upstreamPorts) {
		int port = freePort();
		Path config = directory.resolve("nginx.conf");
		try {
			Files.writeString(config, config(directory, port, upstreamPorts));
			Process process = new ProcessBuilder(BINARY.toString(), "-p", directory.toString(), "-c", config.toString(),
					"-e", directory.resolve("error.log").toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("nginx.out").toFile())
				.start();
			Nginx nginx = new Nginx(process, directory, port);
			nginx.awaitListening();
			return nginx;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String config(Path directory, int port, List<Integer> upstreamPorts) {
		String servers = upstreamPorts.stream()
			.map((upstream) -> "    server 127.0.0.1:" + upstream + ";")
			.collect(Collectors.joining("\n"));
		// As root, nginx would run its worker as "nobody", which may not read the test's private directory.
		String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
		return """
				%sdaemon off;
				master_process on;
				# One worker: round robin then strictly alternates between the instances.
				worker_processes 1;
				pid %s/nginx.pid;
				error_log %s/error.log notice;
				events {
				  worker_connections 256;
				}
				http {
				  log_format upstream '$request_method $request_uri $status upstream=$upstream_addr';
				  access_log %s/access.log upstream;
				  client_body_temp_path %s/client_body;
				  proxy_temp_path %s/proxy;
				  fastcgi_temp_path %s/fastcgi;
				  uwsgi_temp_path %s/uwsgi;
				  scgi_temp_path %s/scgi;
				  upstream portal {
				%s
				  }
				  server {
				    listen 127.0.0.1:%d;
				    location / {
				      proxy_pass http://portal;
				      proxy_set_header Host $http_host;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      add_header %s $upstream_addr always;
				    }
				  }
				}
				""".formatted(user, directory, directory, directory, directory, directory, directory, directory,
				directory, servers, port, UPSTREAM_HEADER);
	}

	private void awaitListening() {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("nginx exited with " + this.process.exitValue() + ":\n"
						+ log("nginx.out") + log("error.log"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
				return true;
			}
			catch (IOException notYet) {
				return false;
			}
		});
	}

	int port() {
		return this.port;
	}

	/** The access log so far, one line per request: method, URI, status, {@code upstream=<address>}. */
	List<String> accessLog() {
		try {
			Path log = this.directory.resolve("access.log");
			return Files.exists(log) ? Files.readAllLines(log) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String errorLog() {
		return log("error.log");
	}

	private String log(String name) {
		try {
			Path file = this.directory.resolve(name);
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops nginx (SIGTERM: a fast shutdown) and its worker. */
	@Override
	public void close() {
		List<ProcessHandle> workers = this.process.descendants().toList();
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	/** A loopback port nobody listens on now (another process may take it before the caller does). */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
