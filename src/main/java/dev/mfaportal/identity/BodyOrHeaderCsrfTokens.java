package dev.mfaportal.identity;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * S42: the CSRF token counts only from the form body or the header, never from the query string, where it
 * would be written into access logs, browser history and the Referer of the next page. A request naming the
 * token's parameter in its query is refused even when its body carries a good token too. Otherwise this is
 * Spring Security's own handler (a fresh mask per page, BREACH-safe).
 */
final class BodyOrHeaderCsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.tokens.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		if (inQuery(request.getQueryString(), csrfToken.getParameterName())) {
			return null;
		}
		return this.tokens.resolveCsrfTokenValue(request, csrfToken);
	}

	static boolean inQuery(String query, String parameter) {
		if (query == null || query.isEmpty()) {
			return false;
		}
		return UriComponentsBuilder.newInstance()
			.query(query)
			.build()
			.getQueryParams()
			.keySet()
			.stream()
			.anyMatch((name) -> parameter.equals(UriUtils.decode(name, StandardCharsets.UTF_8)));
	}

}
