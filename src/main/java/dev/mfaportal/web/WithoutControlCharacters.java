package dev.mfaportal.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The refused request as its error page sees it: parameters and headers holding a control character are left
 * out, so that nothing on the way to the page (Spring Security's firewall, which rejects such headers, the
 * page's own links) trips over them again.
 */
final class WithoutControlCharacters extends HttpServletRequestWrapper {

	WithoutControlCharacters(HttpServletRequest request) {
		super(request);
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		Map<String, String[]> kept = new LinkedHashMap<>();
		super.getParameterMap().forEach((name, values) -> {
			if (!ControlCharacters.containsAny(name, false)
					&& Arrays.stream(values).noneMatch((value) -> ControlCharacters.containsAny(value, true))) {
				kept.put(name, values);
			}
		});
		return Collections.unmodifiableMap(kept);
	}

	@Override
	public String getParameter(String name) {
		String[] values = getParameterMap().get(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	@Override
	public String[] getParameterValues(String name) {
		return getParameterMap().get(name);
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(getParameterMap().keySet());
	}

	@Override
	public String getQueryString() {
		return null;
	}

	@Override
	public String getHeader(String name) {
		Enumeration<String> values = getHeaders(name);
		return values.hasMoreElements() ? values.nextElement() : null;
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		if (ControlCharacters.containsAny(name, false)) {
			return Collections.emptyEnumeration();
		}
		return Collections.enumeration(Collections.list(super.getHeaders(name))
			.stream()
			.filter((value) -> !ControlCharacters.containsAny(value, false))
			.toList());
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(Collections.list(super.getHeaderNames())
			.stream()
			.filter((name) -> !ControlCharacters.containsAny(name, false) && getHeaders(name).hasMoreElements())
			.toList());
	}

}
