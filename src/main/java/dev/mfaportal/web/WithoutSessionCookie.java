package dev.mfaportal.web;

import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as if it carried no session cookie, so Spring Session does not look a session up in
 * PostgreSQL for it. Spring Session reads the cookie through {@link #getCookies()}.
 */
final class WithoutSessionCookie extends HttpServletRequestWrapper {

	private final String cookieName;

	WithoutSessionCookie(HttpServletRequest request, String cookieName) {
		super(request);
		this.cookieName = cookieName;
	}

	@Override
	public Cookie[] getCookies() {
		Cookie[] cookies = super.getCookies();
		if (cookies == null) {
			return null;
		}
		Cookie[] kept = Arrays.stream(cookies)
			.filter((cookie) -> !this.cookieName.equals(cookie.getName()))
			.toArray(Cookie[]::new);
		return (kept.length > 0) ? kept : null;
	}

}
