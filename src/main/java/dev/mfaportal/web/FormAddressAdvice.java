package dev.mfaportal.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A GET of an address that only takes a form (a bookmark, a reload after the session ended, the page the
 * portal returns to after signing in again) leads to the page that form is on, rather than "405 Method not
 * allowed". Any other method the address does not take is still refused.
 */
@ControllerAdvice
class FormAddressAdvice {

	/** Which page each form's address belongs to, most specific first; anything else belongs to home. */
	private static final List<Page> PAGES = List.of(new Page("/admin/employees/([\\w.@+=,-]+)/.*", "/admin/employees/$1"),
			new Page("/admin/coverage/.*", "/admin/coverage"), new Page("/mfa/.*", "/mfa"),
			new Page("/credentials/.*", "/credentials"));

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	String pageOfForm(HttpServletRequest request, HttpRequestMethodNotSupportedException ex)
			throws HttpRequestMethodNotSupportedException {
		boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		if (!read || ex.getSupportedHttpMethods() == null || !ex.getSupportedHttpMethods().contains(HttpMethod.POST)) {
			throw ex;
		}
		return "redirect:" + pageOf(request.getServletPath());
	}

	static String pageOf(String path) {
		for (Page page : PAGES) {
			Matcher matcher = page.address().matcher(path);
			if (matcher.matches()) {
				return matcher.replaceFirst(page.target());
			}
		}
		return "/";
	}

	private record Page(Pattern address, String target) {

		Page(String address, String target) {
			this(Pattern.compile(address), target);
		}

	}

}
