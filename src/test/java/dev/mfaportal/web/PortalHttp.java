package dev.mfaportal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as the fault tests need one: real HTTP with cookies, signing in through the login form.
 * Every request has a time limit, so a hanging portal fails the test instead of stalling the build.
 */
final class PortalHttp {

	// As a browser asks: error pages then come as HTML, not as Boot's JSON error body.
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);

	private final String base;

	private final HttpClient http;

	PortalHttp(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	static PortalHttp signedIn(int port, String username) {
		PortalHttp client = new PortalHttp(port);
		HttpResponse<String> login = client.get("/login");
		HttpResponse<String> home = client.post("/login",
				Map.of("username", username, "password", username, "_csrf", csrf(login)));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.uri().getPath()).as("signed in").isEqualTo("/");
		return client;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", BROWSER_ACCEPT)
			.timeout(REQUEST_LIMIT)
			.GET()
			.build());
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", BROWSER_ACCEPT)
			.timeout(REQUEST_LIMIT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static Document html(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	static String csrf(HttpResponse<String> page) {
		return html(page).selectFirst("input[name=_csrf]").val();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
