package dev.mfaportal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port that a test can cut, stall and restore, to take a real server away from
 * the code under test without stopping it (other tests share the server). While cut, open connections are
 * closed and new ones are accepted and closed at once, as when the database process is gone. While stalled,
 * connections stay open but nothing gets through, in either direction, as in a network partition.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private volatile boolean stalled;

	private TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + this.server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static TcpProxy to(String targetHost, int targetPort) {
		try {
			return new TcpProxy(targetHost, targetPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Drops every open connection and refuses new ones until {@link #restore()}. */
	void cut() {
		this.cut = true;
		this.open.forEach(TcpProxy::closeQuietly);
		this.open.clear();
	}

	/** Keeps every connection open but lets nothing through, until {@link #restore()}. */
	void stall() {
		this.stalled = true;
	}

	/** Forwards again. Connections that were stalled are closed: their protocol state is lost. */
	void restore() {
		if (this.stalled) {
			this.open.forEach(TcpProxy::closeQuietly);
			this.open.clear();
		}
		this.stalled = false;
		this.cut = false;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(this.server);
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.cut) {
					closeQuietly(client);
					continue;
				}
				if (this.stalled) {
					// Accepted (the kernel would have done so) but never answered.
					this.open.add(client);
					continue;
				}
				forward(client);
			}
			catch (IOException ex) {
				// The server socket was closed, or one connection failed to open: the loop decides.
			}
		}
	}

	private void forward(Socket client) throws IOException {
		Socket upstream = new Socket();
		try {
			upstream.connect(new InetSocketAddress(this.targetHost, this.targetPort), 5000);
		}
		catch (IOException ex) {
			closeQuietly(client);
			throw ex;
		}
		this.open.add(client);
		this.open.add(upstream);
		pump(client, upstream);
		pump(upstream, client);
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (!this.stalled) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// Cut, or closed by either side: close both below.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "tcp-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Already closed.
		}
	}

}
