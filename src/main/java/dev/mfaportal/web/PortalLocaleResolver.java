package dev.mfaportal.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The language and time zone of a request. The language is the one the person chose with the switch (a cookie),
 * else the first of {@code Accept-Language} the portal has text for, else English; never a language without
 * text, so {@code <html lang>} always names what is shown. The zone is the browser's, which {@code zone.js}
 * writes into a cookie, else the usual one for the language (Japanese: Asia/Tokyo), else unknown. Every module
 * reads it from {@code LocaleContextHolder} without depending on this one; pages print times through
 * {@link ShownTimes}, which shows UTC when the zone is unknown.
 */
final class PortalLocaleResolver implements LocaleContextResolver {

	static final String LANGUAGE_COOKIE = "portal-lang";

	static final String ZONE_COOKIE = "portal-zone";

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+){0,2}");

	// A year: the choice outlives sessions; it is not a secret, but scripts need not read it either.
	private static final long LANGUAGE_COOKIE_SECONDS = 365L * 24 * 3600;

	private static final String CHOSEN = PortalLocaleResolver.class.getName() + ".CHOSEN";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Object chosen = request.getAttribute(CHOSEN);
		if (chosen instanceof Locale locale) {
			return locale;
		}
		Locale fromCookie = supported(cookie(request, LANGUAGE_COOKIE));
		if (fromCookie != null) {
			return fromCookie;
		}
		for (Locale wanted : Collections.list(request.getLocales())) {
			Locale supported = supported(wanted.getLanguage());
			if (supported != null) {
				return supported;
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		Locale locale = resolveLocale(request);
		ZoneId zone = zone(request, locale);
		return new SimpleTimeZoneAwareLocaleContext(locale, (zone != null) ? TimeZone.getTimeZone(zone) : null);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale supported = (locale != null) ? supported(locale.getLanguage()) : null;
		if (supported == null || response == null) {
			return;
		}
		request.setAttribute(CHOSEN, supported);
		ResponseCookie cookie = ResponseCookie.from(LANGUAGE_COOKIE, supported.getLanguage())
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.maxAge(LANGUAGE_COOKIE_SECONDS)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable LocaleContext context) {
		setLocale(request, response, (context != null) ? context.getLocale() : null);
	}

	/** The browser's zone, else Japan's for Japanese, else {@code null}: unknown, for the caller to default. */
	static @Nullable ZoneId zone(HttpServletRequest request, Locale locale) {
		String fromBrowser = cookie(request, ZONE_COOKIE);
		if (fromBrowser != null && ZONE_ID.matcher(fromBrowser).matches()) {
			try {
				return ZoneId.of(fromBrowser);
			}
			catch (DateTimeException ex) {
				// Not a zone Java knows: the default below, as without the cookie.
			}
		}
		return Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? JAPAN : null;
	}

	private static @Nullable Locale supported(@Nullable String language) {
		return LANGUAGES.stream().filter((locale) -> locale.getLanguage().equalsIgnoreCase(language)).findFirst()
			.orElse(null);
	}

	private static @Nullable String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
