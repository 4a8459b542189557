package dev.mfaportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HTTP server on a random loopback port, with daemon threads only, so a forgotten sandbox never
 * keeps a JVM alive.
 */
final class SandboxServer {

	// The JDK server leaves Nagle's algorithm on: over a kept-alive connection each small response then waits for
	// the client's delayed ACK, ~48 ms per AWS call instead of ~6 ms. The server reads this property once, when
	// the first HttpServer of the JVM is created, so it is set here, before that, for the tests and the demo alike.
	static {
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	SandboxServer(HttpHandler handler) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "sandbox-aws");
			thread.setDaemon(true);
			return thread;
		});
		this.server.createContext("/", handler);
		this.server.setExecutor(this.executor);
	}

	void start() {
		// Started from a daemon thread, so that the server's dispatcher thread, which inherits it, is a daemon too.
		Thread starter = new Thread(this.server::start, "sandbox-aws-start");
		starter.setDaemon(true);
		starter.start();
		try {
			starter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	URI endpoint() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
