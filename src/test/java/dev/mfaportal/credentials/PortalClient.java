package dev.mfaportal.credentials;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's browser as far as the tests need one: real HTTP (java.net.http) with cookies, signing in
 * through the login form and posting forms with the CSRF token the page carries.
 */
final class PortalClient {

	// As a browser asks: error pages then come as HTML, not as Boot's JSON error body.
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final String base;

	private final HttpClient http;

	PortalClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	static PortalClient signedIn(int port, String username, String password) {
		PortalClient client = new PortalClient(port);
		Document login = client.page("/login");
		HttpResponse<String> response = client.post("/login",
				Map.of("username", username, "password", password, "_csrf", csrf(login, "form")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.uri().getPath()).as("signed in").isNotEqualTo("/login");
		return client;
	}

	Document page(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", BROWSER_ACCEPT).GET().build());
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts {@code fields} with the CSRF token of the form {@code formSelector} on {@code page}. */
	HttpResponse<String> submit(Document page, String formSelector, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf(page, formSelector));
		String action = page.selectFirst(formSelector).attr("action");
		return post(URI.create(action).getPath(), form);
	}

	static String csrf(Document page, String formSelector) {
		return page.selectFirst(formSelector + " input[name=_csrf]").val();
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
