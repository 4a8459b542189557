package dev.mfaportal.identity;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller the signed-in {@link Employee} as a parameter, looked up from the authenticated
 * login, never from anything in the request.
 */
class EmployeeArgumentResolver implements HandlerMethodArgumentResolver {

	private final EmployeeDirectory employees;

	EmployeeArgumentResolver(EmployeeDirectory employees) {
		this.employees = employees;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Employee.class.equals(parameter.getParameterType());
	}

	@Override
	public Employee resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			// Security's exception translation turns this into the sign-in page.
			throw new AuthenticationCredentialsNotFoundException("Not signed in");
		}
		// A login without a mapping (account removed while signed in) must not act on any IAM user.
		return this.employees.of(authentication)
			.orElseThrow(() -> new AccessDeniedException("No employee for this login"));
	}

}
