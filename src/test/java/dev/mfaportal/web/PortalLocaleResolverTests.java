package dev.mfaportal.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language and zone a request gets, and how a time is then printed. */
class PortalLocaleResolverTests {

	final PortalLocaleResolver resolver = new PortalLocaleResolver();

	@AfterEach
	void forgetContext() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void zoneIsTheBrowsersWhenItsCookieNamesARealZone() {
		MockHttpServletRequest request = request("en");
		request.setCookies(new Cookie(PortalLocaleResolver.ZONE_COOKIE, "Europe/Berlin"));
		assertThat(zoneOf(request)).isEqualTo(TimeZone.getTimeZone("Europe/Berlin"));
	}

	@Test
	void zoneIsTokyoForAJapanesePageWithoutABrowserZone() {
		assertThat(zoneOf(request("ja-JP"))).isEqualTo(TimeZone.getTimeZone("Asia/Tokyo"));
	}

	@Test
	void zoneIsUnknownForAnEnglishPageWithoutABrowserZone() {
		assertThat(zoneOf(request("en-US"))).isNull();
	}

	@Test
	void zoneCookieThatIsNoZoneIsIgnored() {
		MockHttpServletRequest request = request("ja");
		request.setCookies(new Cookie(PortalLocaleResolver.ZONE_COOKIE, "Mars/Olympus_Mons"));
		assertThat(zoneOf(request)).isEqualTo(TimeZone.getTimeZone("Asia/Tokyo"));
		request.setCookies(new Cookie(PortalLocaleResolver.ZONE_COOKIE, "../../etc"));
		assertThat(zoneOf(request)).isEqualTo(TimeZone.getTimeZone("Asia/Tokyo"));
	}

	@Test
	void chosenLanguageHoldsForTheRestOfTheRequestAndIsRemembered() {
		MockHttpServletRequest request = request("en");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.resolver.setLocale(request, response, Locale.forLanguageTag("ja-JP"));
		assertThat(this.resolver.resolveLocale(request)).isEqualTo(Locale.JAPANESE);
		assertThat(response.getHeader("Set-Cookie")).startsWith("portal-lang=ja;").contains("HttpOnly");
	}

	@Test
	void languageWithoutTextIsNeverChosen() {
		MockHttpServletRequest request = request("en");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.resolver.setLocale(request, response, Locale.GERMAN);
		assertThat(this.resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

	@Test
	void shownTimesNameTheReadersZoneOrUtcWhenItIsUnknown() {
		Instant instant = Instant.parse("2026-12-02T09:08:00Z");
		ShownTimes times = new ShownTimes();
		assertThat(times.dateTime(instant)).isEqualTo("2026-12-02 09:08 UTC");
		LocaleContextHolder.setLocaleContext(this.resolver.resolveLocaleContext(request("ja")));
		assertThat(times.dateTime(instant)).isEqualTo("2026-12-02 18:08 JST");
		assertThat(times.time(instant)).isEqualTo("18:08 JST");
	}

	private TimeZone zoneOf(MockHttpServletRequest request) {
		LocaleContext context = this.resolver.resolveLocaleContext(request);
		return ((TimeZoneAwareLocaleContext) context).getTimeZone();
	}

	private static MockHttpServletRequest request(String acceptLanguage) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("Accept-Language", acceptLanguage);
		request.setPreferredLocales(List.of(Locale.forLanguageTag(acceptLanguage)));
		return request;
	}

}
