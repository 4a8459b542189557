package dev.mfaportal.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions on the real server, with Spring Session in PostgreSQL, seen through cookies as a browser sees
 * them (S10, S11, S26): MockMvc cannot show cookie attributes or a session row.
 */
@PortalFlowTest
class SessionLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		HttpResponse<String> login = get("/login", null);
		String setCookie = sessionSetCookie(login);
		assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void signInChangesTheSessionIdAndTheOldOneNoLongerWorks() throws Exception {
		HttpResponse<String> login = get("/login", null);
		String anonymous = cookieValue(sessionSetCookie(login));
		HttpResponse<String> signedIn = post("/login", anonymous,
				Map.of("username", "alice", "password", "alice", "_csrf", csrf(login.body())));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(location(signedIn)).isEqualTo("/");
		String session = cookieValue(sessionSetCookie(signedIn));
		assertThat(session).isNotEqualTo(anonymous);
		assertThat(get("/reauthenticate", session).statusCode()).isEqualTo(200);
		// The old id reads as a session that ended.
		assertThat(location(get("/reauthenticate", anonymous))).isEqualTo("/login?expired");
	}

	@Test
	void logoutDeletesTheServerSessionAndTheCookie() throws Exception {
		String session = signIn("bob");
		assertThat(sessionRows(session)).isEqualTo(1);
		HttpResponse<String> page = get("/reauthenticate", session);
		HttpResponse<String> logout = post("/logout", session, Map.of("_csrf", csrf(page.body())));
		assertThat(location(logout)).isEqualTo("/login?logout");
		assertThat(sessionSetCookie(logout)).contains("Max-Age=0");
		assertThat(sessionRows(session)).isZero();
		assertThat(location(get("/reauthenticate", session))).isEqualTo("/login?expired");
	}

	@Test
	void idleTimeoutIsTheConfiguredOne() throws Exception {
		String id = sessionId(signIn("alice"));
		Integer idleSeconds = this.jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		assertThat(idleSeconds).isEqualTo(30 * 60);
	}

	@Test
	void logoutByGetLeavesTheSessionSignedIn() throws Exception {
		String session = signIn("bob");
		assertThat(get("/logout", session).statusCode()).isEqualTo(404);
		assertThat(get("/reauthenticate", session).statusCode()).isEqualTo(200);
	}

	@Test
	void postWithoutCsrfTokenGetsTheFriendlyForbiddenPage() throws Exception {
		String session = signIn("bob");
		HttpResponse<String> refused = post("/logout", session, Map.of());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(refused.body()).selectFirst("h1").text()).isEqualTo("Not allowed");
		assertThat(get("/reauthenticate", session).statusCode()).isEqualTo(200);
	}

	@Test
	void responsesCarryTheSecurityHeaders() throws Exception {
		HttpResponse<String> login = get("/login", null);
		assertThat(login.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void errorPageForAnUnknownAddressRevealsNothingInternal() throws Exception {
		HttpResponse<String> missing = get("/no-such-page", signIn("alice"));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(missing.body()).selectFirst("h1").text()).isEqualTo("Page not found");
		assertThat(missing.body()).doesNotContain("Exception", "at org.", "Whitelabel");
	}

	@Test
	void signInWhenTooManyFailuresThenRefusedForAWhile() throws Exception {
		String guessed = "mallory-" + java.util.UUID.randomUUID();
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(location(attemptSignIn(guessed, "guess-" + attempt))).isEqualTo("/login?error");
		}
		// The wrong password that reaches the limit shows the lockout already (S32), as every later try does.
		assertThat(location(attemptSignIn(guessed, "guess-5"))).isEqualTo("/login?locked");
		assertThat(location(attemptSignIn(guessed, "guess-6"))).isEqualTo("/login?locked");
		assertThat(Jsoup.parse(get("/login?locked", null).body()).selectFirst("[role=alert]").text())
			.contains("Too many failed sign-ins");
	}

	HttpResponse<String> attemptSignIn(String username, String password) throws Exception {
		HttpResponse<String> login = get("/login", null);
		return post("/login", cookieValue(sessionSetCookie(login)),
				Map.of("username", username, "password", password, "_csrf", csrf(login.body())));
	}

	String signIn(String username) throws Exception {
		HttpResponse<String> login = get("/login", null);
		HttpResponse<String> signedIn = post("/login", cookieValue(sessionSetCookie(login)),
				Map.of("username", username, "password", username, "_csrf", csrf(login.body())));
		assertThat(location(signedIn)).isEqualTo("/");
		return cookieValue(sessionSetCookie(signedIn));
	}

	static String sessionId(String cookieValue) {
		// Spring Session's cookie carries the session id in Base64.
		return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
	}

	int sessionRows(String cookieValue) {
		return this.jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId(cookieValue))
			.query(Integer.class)
			.single();
	}

	HttpResponse<String> get(String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String session, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Cookie", "SESSION=" + session)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Where a redirect leads on this server; Tomcat makes the Location absolute. */
	String location(HttpResponse<?> response) {
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		assertThat(location.getPort()).isIn(-1, this.port);
		return (location.getRawQuery() != null) ? location.getRawPath() + "?" + location.getRawQuery()
				: location.getRawPath();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static String csrf(String html) {
		return Jsoup.parse(html).selectFirst("input[name=_csrf]").attr("value");
	}

	static String sessionSetCookie(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("No SESSION cookie in " + cookies));
	}

	static String cookieValue(String setCookie) {
		return setCookie.substring("SESSION=".length(), setCookie.indexOf(';'));
	}

}
