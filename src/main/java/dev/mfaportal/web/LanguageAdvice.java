package dev.mfaportal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's language switch: for each language, this page again in it. A page that answered a POST (the
 * scan page, the credentials result) cannot be fetched again, so its switch leads to the home page.
 */
@ControllerAdvice
class LanguageAdvice {

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		boolean again = "GET".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST;
		Map<String, String> links = new LinkedHashMap<>();
		for (Locale language : PortalLocaleResolver.LANGUAGES) {
			UriComponentsBuilder link = again
					? UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
					: UriComponentsBuilder.fromPath(request.getContextPath() + "/");
			links.put(language.getLanguage(),
					link.replaceQueryParam(LocaleConfiguration.LANGUAGE_PARAMETER, language.getLanguage()).build().toUriString());
		}
		return links;
	}

}
