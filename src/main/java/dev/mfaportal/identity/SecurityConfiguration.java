package dev.mfaportal.identity;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The portal's one security filter chain: every authorization rule of the portal is readable here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// S26: no inline script or style, no framing, forms post only to the portal.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityProperties properties,
			SignInPasswords passwords, AuthenticationEventPublisher authenticationEvents,
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookieName, Clock clock) {
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// Keep "?continue" off the page the employee lands on after sign-in.
		requestCache.setMatchingRequestParameterName(null);
		ProviderManager authenticationManager = new ProviderManager(passwords.asProvider());
		authenticationManager.setAuthenticationEventPublisher(authenticationEvents);
		ExceptionMappingAuthenticationFailureHandler failureHandler = new ExceptionMappingAuthenticationFailureHandler();
		failureHandler.setDefaultFailureUrl("/login?error");
		failureHandler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		http.authenticationManager(authenticationManager).authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
				.requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**").permitAll()
				// MFA coverage: auditors read it and its export; only admins ask IAM for a new report.
				.requestMatchers(HttpMethod.POST, "/admin/coverage/refresh").hasRole(Employee.ADMIN)
				.requestMatchers("/admin/coverage", "/admin/coverage.csv").hasAnyRole("AUDITOR", Employee.ADMIN)
				.requestMatchers("/admin/**").hasRole(Employee.ADMIN)
				.anyRequest().authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.successHandler(new SignInSuccessHandler(requestCache, clock))
				.failureHandler(failureHandler)
				.permitAll())
			// With CSRF on, only POST /logout signs out (S8); a GET finds no page.
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies(sessionCookieName))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frame) -> frame.deny()))
			.addFilterBefore(new AbsoluteSessionTimeoutFilter(properties.absoluteSessionTimeout(), clock),
					SecurityContextHolderFilter.class);
		return http.build();
	}

	/**
	 * The password check for sign-in and re-authentication, behind the sign-in throttle (S13). The throttle
	 * is required: a portal without one fails to start rather than sign people in unthrottled.
	 */
	@Bean
	SignInPasswords signInPasswords(UserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new SignInPasswords(passwords, throttle);
	}

	/** Publishes {@code AuthorizationDeniedEvent} for every refused request, so audit can record it (S22). */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

}
