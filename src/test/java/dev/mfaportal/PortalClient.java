package dev.mfaportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a browser, for the flow tests: real HTTP (java.net.http) against the running portal, a
 * cookie jar, signing in through the login form, and forms submitted with the hidden fields (the CSRF token
 * among them) of the page they came from. {@link #notFollowingRedirects} lets a test check a redirect;
 * {@link #followingRedirects} goes on to the page a browser would show. Every request has a time limit, so a
 * hanging portal fails the test instead of stalling the build.
 */
public final class PortalClient {

	// As a browser asks: error pages then come as HTML, not as Boot's JSON error body.
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	/*
	 * Enforced by waiting on the answer, not by HttpRequest.timeout: on JDK 17 the timer of a request that was
	 * redirected is never cancelled and, when it fires, aborts whatever request is then in flight on that
	 * kept-alive connection ("header parser received no bytes", JDK-8304701, fixed in JDK 22:
	 * https://github.com/openjdk/jdk/pull/16689). Every client here follows the sign-in redirect, so every run
	 * longer than the limit lost a request a minute after sign-in.
	 */
	private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);

	private final String baseUrl;

	private final boolean followsRedirects;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	// Set when the client stands for a browser behind a proxy: the portal then sees this address.
	private final String forwardedFor;

	private PortalClient(int port, boolean followsRedirects) {
		this(port, followsRedirects, null);
	}

	private PortalClient(int port, boolean followsRedirects, String forwardedFor) {
		this.baseUrl = "http://localhost:" + port;
		this.followsRedirects = followsRedirects;
		this.forwardedFor = forwardedFor;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(followsRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public static PortalClient followingRedirects(int port) {
		return new PortalClient(port, true);
	}

	public static PortalClient notFollowingRedirects(int port) {
		return new PortalClient(port, false);
	}

	/**
	 * A client following redirects whose every request carries {@code X-Forwarded-For: clientAddress}, as a
	 * proxy in front of the portal would send it (for a portal started with {@code server.forward-headers-strategy}).
	 */
	public static PortalClient followingRedirectsFrom(int port, String clientAddress) {
		return new PortalClient(port, true, clientAddress);
	}

	/** A client following redirects, signed in with a demo account (its password is its username). */
	public static PortalClient signedIn(int port, String username) {
		return followingRedirects(port).signIn(username, username);
	}

	/** Signs in through the sign-in form of a fresh client and checks that it landed on the home page. */
	public PortalClient signIn(String username, String password) {
		Page result = submit(get("/login"), "form#sign-in", Map.of("username", username, "password", password));
		boolean signedIn = this.followsRedirects
				? result.status() == 200 && result.response().uri().getPath().equals("/")
				: result.status() == 302 && !result.location().contains("error");
		if (!signedIn) {
			throw new IllegalStateException("Sign-in as " + username + " failed: " + result.status());
		}
		return this;
	}

	/** The value of the portal's cookie {@code name} this client holds, or {@code null}. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public Page get(String path) {
		return send(request(path).GET().build());
	}

	/** A GET with extra request headers, as a reverse proxy in front of the portal adds them. */
	public Page get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = request(path).GET();
		headers.forEach(request::header);
		return send(request.build());
	}

	/** The page at {@code path}, which must answer 200. */
	public Document page(String path) {
		Page page = get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page.document();
	}

	/** Fills the form found by {@code selector} on {@code page} (hidden fields included) and posts it. */
	public Page submit(Page page, String selector, Map<String, String> fields) {
		return submit(page.document(), selector, fields, page.body());
	}

	/** As {@link #submit(Page, String, Map)}, for a page the test holds as a parsed document. */
	public HttpResponse<String> submit(Document page, String selector, Map<String, String> fields) {
		return submit(page, selector, fields, page.outerHtml()).response();
	}

	private Page submit(Document page, String selector, Map<String, String> fields, String body) {
		Element form = page.selectFirst(selector);
		if (form == null) {
			throw new IllegalStateException("No " + selector + " on the page:\n" + body);
		}
		Map<String, String> values = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach((input) -> values.put(input.attr("name"), input.attr("value")));
		values.putAll(fields);
		// Resolved against the page where it knows its address: a form of the identity provider posts there.
		String action = form.absUrl("action");
		return post(action.isEmpty() ? form.attr("action") : action, values);
	}

	public Page post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Follows one redirect answer with a GET, as a browser would. */
	public Page follow(Page redirect) {
		URI location = URI.create(redirect.location());
		return get(location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : ""));
	}

	/** Where a redirect answer leads, resolved against the address that gave it; another host included. */
	public static URI target(Page redirect) {
		return redirect.response().uri().resolve(redirect.location());
	}

	/** The CSRF token in the form {@code formSelector} on {@code page}. */
	public static String csrf(Document page, String formSelector) {
		return page.selectFirst(formSelector + " input[name=_csrf]").val();
	}

	/** {@code path} is on the portal; an absolute URL (the identity provider's pages) is taken as it is. */
	private HttpRequest.Builder request(String path) {
		URI uri = URI.create(path.startsWith("http://") ? path : this.baseUrl + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT);
		if (this.forwardedFor != null) {
			request.header("X-Forwarded-For", this.forwardedFor);
		}
		return request;
	}

	private Page send(HttpRequest request) {
		CompletableFuture<HttpResponse<String>> answer = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = answer.get(REQUEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
			return new Page(response.statusCode(), response,
					Jsoup.parse(response.body(), response.uri().toString()));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw new IllegalStateException("No answer within " + REQUEST_LIMIT + " to " + request.method() + " "
					+ request.uri(), ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException failure) {
				throw new UncheckedIOException(failure);
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One answer: its status, the raw response, and the body parsed as HTML. */
	public record Page(int status, HttpResponse<String> response, Document document) {

		public String body() {
			return this.response.body();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String location() {
			return header("Location");
		}

		public String text(String selector) {
			Element element = this.document.selectFirst(selector);
			return (element != null) ? element.text() : null;
		}

	}

}
