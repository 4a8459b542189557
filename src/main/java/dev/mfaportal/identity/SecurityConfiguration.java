package dev.mfaportal.identity;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

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
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookieName) {
		Clock clock = Clock.systemUTC();
		RequestCache requestCache = new HttpSessionRequestCache();
		http.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
				.requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/admin/**").hasRole(Employee.ADMIN)
				.anyRequest().authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.successHandler(new SignInSuccessHandler(requestCache, clock))
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

	/** Publishes {@code AuthorizationDeniedEvent} for every refused request, so audit can record it (S22). */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

}
