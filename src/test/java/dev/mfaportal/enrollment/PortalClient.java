package dev.mfaportal.enrollment;

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
import org.jsoup.nodes.Element;

/**
 * A browser without a browser: real HTTP against the running portal, a cookie jar, and forms submitted
 * with the CSRF token of the page they came from. Redirects are not followed, so tests can check them.
 */
class PortalClient {

	private final String baseUrl;

	private final HttpClient http;

	PortalClient(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** Signs in through the sign-in form and checks that it worked. */
	PortalClient signIn(String username, String password) {
		Page login = get("/login");
		Page result = submit(login, "form#sign-in", Map.of("username", username, "password", password));
		if (result.status() != 302 || result.location().contains("error")) {
			throw new IllegalStateException("Sign-in as " + username + " failed: " + result.status());
		}
		return this;
	}

	Page get(String path) {
		return send(request(path).GET().build());
	}

	/** Fills the form found by {@code selector} on {@code page} (hidden fields included) and posts it. */
	Page submit(Page page, String selector, Map<String, String> fields) {
		Element form = page.document().selectFirst(selector);
		if (form == null) {
			throw new IllegalStateException("No " + selector + " on the page:\n" + page.body());
		}
		Map<String, String> values = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach((input) -> values.put(input.attr("name"), input.attr("value")));
		values.putAll(fields);
		return post(form.attr("action"), values);
	}

	Page post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Follows one redirect answer with a GET, as a browser would. */
	Page follow(Page redirect) {
		URI location = URI.create(redirect.location());
		return get(location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : ""));
	}

	// Browsers ask for HTML; without it Boot's error controller answers JSON.
	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Accept", "text/html,*/*;q=0.8");
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response, Jsoup.parse(response.body(), this.baseUrl));
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

	record Page(int status, HttpResponse<String> response, Document document) {

		String body() {
			return this.response.body();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		String location() {
			return header("Location");
		}

		String text(String selector) {
			Element element = this.document.selectFirst(selector);
			return (element != null) ? element.text() : null;
		}

	}

}
