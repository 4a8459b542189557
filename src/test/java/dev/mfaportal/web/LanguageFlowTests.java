package dev.mfaportal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalFlowTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which language a page is in, over real HTTP: the browser's preference among the languages the portal has text
 * for, a switch that is remembered, and {@code <html lang>} always naming the language shown.
 */
@PortalFlowTest
class LanguageFlowTests {

	// Without a cookie jar: each request says exactly which cookies it sends.
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void signInPageIsJapaneseWhenTheBrowserPrefersJapanese() throws Exception {
		Document page = login("ja-JP,ja;q=0.9,en;q=0.8", null);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
		assertThat(page.selectFirst("h1").text()).isEqualTo("MFA ポータルにサインイン");
	}

	@Test
	void languageWithoutTextFallsBackToEnglishAndSaysSo() throws Exception {
		Document page = login("fr-FR,fr;q=0.9,de;q=0.8", null);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Sign in to MFA Portal");
	}

	@Test
	void laterPreferenceIsUsedWhenTheFirstHasNoText() throws Exception {
		Document page = login("fr-FR,ja;q=0.5", null);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
	}

	@Test
	void switchSetsALanguageCookieThatLaterRequestsFollow() throws Exception {
		HttpResponse<String> switched = send("/login?lang=en", "ja-JP", null);
		String cookie = switched.headers().firstValue("Set-Cookie").filter((c) -> c.startsWith("portal-lang="))
			.orElseThrow();
		assertThat(cookie).contains("portal-lang=en").contains("HttpOnly").contains("SameSite=Lax").contains("Max-Age=");
		assertThat(Jsoup.parse(switched.body()).selectFirst("html").attr("lang")).isEqualTo("en");

		Document later = login("ja-JP", "portal-lang=en");
		assertThat(later.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(later.selectFirst("h1").text()).isEqualTo("Sign in to MFA Portal");
	}

	@Test
	void unknownLanguageInTheSwitchChangesNothing() throws Exception {
		HttpResponse<String> response = send("/login?lang=xx", "ja-JP", null);
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("portal-lang="));
		assertThat(Jsoup.parse(response.body()).selectFirst("html").attr("lang")).isEqualTo("ja");
	}

	@Test
	void headerOffersEachLanguageNamedInItselfLinkingToThisPage() throws Exception {
		Document page = login("en", null);
		assertThat(page.select(".language-switch a[lang=ja]").text()).isEqualTo("日本語");
		assertThat(page.select(".language-switch a[lang=ja]").attr("href")).isEqualTo("/login?lang=ja");
		assertThat(page.select(".language-switch a[lang=en]").attr("aria-current")).isEqualTo("true");
	}

	@Test
	void signedInPagesFollowTheLanguageCookie() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		PortalClient.Page home = alice.get("/?lang=ja");
		assertThat(home.document().selectFirst("html").attr("lang")).isEqualTo("ja");
		assertThat(home.text("nav.site-nav a[href='/mfa']")).isEqualTo("MFA デバイス");
		assertThat(alice.get("/credentials").document().selectFirst("h1").text()).isEqualTo("AWS の一時的な認証情報を取得");
	}

	private Document login(String acceptLanguage, String cookie) throws Exception {
		return Jsoup.parse(send("/login", acceptLanguage, cookie).body());
	}

	private HttpResponse<String> send(String path, String acceptLanguage, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", acceptLanguage);
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
