package dev.mfaportal.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.mfaportal.PortalFlowTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S34: no redirect names the host a request claims. Raw sockets, because an HTTP client sets Host itself.
 */
@PortalFlowTest
class HostHeaderFlowTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/credentials", "/mfa/devices", "/admin/audit" })
	void signedOutRequestWithForeignHostThenRedirectIsRelativeToTheLoginPage(String path) throws IOException {
		String answer = rawGet(path, "evil.example");
		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(locationOf(answer)).isEqualTo("/login");
		assertThat(answer).doesNotContain("evil.example");
	}

	private String rawGet(String path, String host) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static String locationOf(String answer) {
		for (String line : answer.split("\r\n")) {
			if (line.regionMatches(true, 0, "Location:", 0, 9)) {
				return line.substring(9).trim();
			}
			if (line.isEmpty()) {
				break;
			}
		}
		return null;
	}

}
