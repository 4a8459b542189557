package dev.mfaportal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which page is showing, so the navigation can mark it with {@code aria-current}.
 * Thymeleaf 3.1 no longer lets templates read the request themselves.
 */
@ControllerAdvice
class NavigationAdvice {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
