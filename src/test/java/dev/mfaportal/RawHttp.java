package dev.mfaportal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One request written byte for byte to the running portal, for what an HTTP client refuses to send (control
 * characters, malformed request lines, TRACE); the whole answer, head and body, as ISO-8859-1 text.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static String send(int port, String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
