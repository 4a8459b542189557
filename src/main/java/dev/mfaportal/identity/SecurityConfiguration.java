package dev.mfaportal.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The portal's one security filter chain: every authorization rule of the portal is readable here, and every
 * way to sign in (local accounts, OpenID providers through {@link OidcLogin}) is applied here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SIGNED_OUT = "/login?logout";

	/** Employees use the self-service pages; the help desk and admins are employees too. */
	private static final AuthorizationManager<RequestAuthorizationContext> SELF_SERVICE = AuthorityAuthorizationManager
		.hasAnyRole(Employee.SELF_SERVICE_ROLES.toArray(String[]::new));

	// S26: no inline script or style, no framing, forms post only to the portal.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityProperties properties, AccessProperties access,
			SignInPasswords passwords, ObjectProvider<OidcLogin> oidcLogin,
			AuthenticationEventPublisher authenticationEvents,
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookieName, Clock clock,
			Environment environment, ApplicationEventPublisher events, SignInThrottle throttle) {
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// Keep "?continue" off the page the employee lands on after sign-in.
		requestCache.setMatchingRequestParameterName(null);
		SignInSuccessHandler signedIn = new SignInSuccessHandler(requestCache, clock);
		SessionEnded sessionEnded = new SessionEnded(requestCache, relativeLoginEntryPoint(),
				new CsrfRefusals(events));
		OidcLogin oidc = oidcLogin.getIfAvailable();
		ProviderManager authenticationManager = new ProviderManager(signInMethods(access, passwords, oidc));
		authenticationManager.setAuthenticationEventPublisher(authenticationEvents);
		http.authenticationManager(authenticationManager).authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico").permitAll()
				.requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**").permitAll()
				// Actuator's own port serves only health and Prometheus and is not routed to employees.
				.requestMatchers(new ManagementPort(environment)).permitAll()
				// Without one (the demo, compose) the meters are on the employees' port, for admins only.
				.requestMatchers("/actuator/prometheus").hasRole(Employee.ADMIN)
				// S39: roles come from local accounts or the identity provider's groups (GroupRoles), and are read only here.
				.requestMatchers(HttpMethod.GET, "/admin/audit", "/admin/audit/**", "/admin/audit.csv")
					.hasAnyRole(Employee.AUDITOR, Employee.ADMIN)
				// The search, an employee's page and the removal confirmation; below them otherwise only forms, and a
				// GET of a form's address leads back to its page (FormAddressAdvice).
				.requestMatchers(HttpMethod.GET, "/admin/employees", "/admin/employees/*", "/admin/employees/*/**")
					.hasAnyRole(Employee.HELPDESK, Employee.ADMIN)
				.requestMatchers(HttpMethod.POST, "/admin/employees/*/devices/remove")
					.hasAnyRole(Employee.HELPDESK, Employee.ADMIN)
				// MFA coverage: auditors read it and its export; only admins ask IAM for a new report.
				.requestMatchers(HttpMethod.POST, "/admin/coverage/refresh").hasRole(Employee.ADMIN)
				.requestMatchers("/admin/coverage", "/admin/coverage.csv").hasAnyRole(Employee.AUDITOR, Employee.ADMIN)
				.requestMatchers("/admin/**").hasRole(Employee.ADMIN)
				// A sign-in without the MFA the identity provider was asked for may look, not enroll or get credentials.
				.requestMatchers(HttpMethod.POST, "/mfa/enrollment", "/credentials", "/credentials/download")
					.access(AuthorizationManagers.allOf(SELF_SERVICE, IdpMfa.requirement()))
				.requestMatchers("/mfa", "/mfa/**", "/credentials", "/credentials/**").access(SELF_SERVICE)
				.anyRequest().authenticated())
			// With CSRF on, only POST /logout signs out (S8); a GET finds no page.
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessHandler(signedOut(oidc))
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies(sessionCookieName))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(sessionEnded)
				.accessDeniedHandler(sessionEnded))
			// S42: the token from the form body or the header only; its refusals are audited (CsrfRefusals).
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new BodyOrHeaderCsrfTokens()))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.defaultsDisabled().addHeaderWriter(PortalHeaders.WRITER))
			.addFilterBefore(new AbsoluteSessionTimeoutFilter(properties.absoluteSessionTimeout(), clock, sessionEnded),
					SecurityContextHolderFilter.class);
		// Ways to sign in: the local form (demo, break-glass) and the OpenID providers (OidcLogin).
		if (access.localAccounts().enabled()) {
			http.formLogin((login) -> login.loginPage("/login")
				.successHandler(signedIn)
				.failureHandler(new SignInFailurePage(throttle))
				.permitAll());
		}
		if (oidc != null) {
			oidc.applyTo(http, signedIn);
		}
		return http.build();
	}

	static List<AuthenticationProvider> signInMethods(AccessProperties access, SignInPasswords passwords,
			OidcLogin oidc) {
		List<AuthenticationProvider> methods = new ArrayList<>();
		if (access.localAccounts().enabled()) {
			methods.add(passwords.asProvider());
		}
		if (oidc != null) {
			methods.add(oidc.authenticationProvider());
		}
		if (methods.isEmpty()) {
			throw new IllegalStateException("Nobody could sign in: portal.identity.local-accounts.enabled is false and "
					+ "no OpenID provider is registered under spring.security.oauth2.client.registration");
		}
		return methods;
	}

	private static LogoutSuccessHandler signedOut(OidcLogin oidc) {
		if (oidc != null) {
			return oidc.logoutSuccessHandler(SIGNED_OUT);
		}
		SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
		local.setDefaultTargetUrl(SIGNED_OUT);
		return local;
	}

	/** S34: "Location: /login", never an absolute URL made from the request's Host header. */
	private static LoginUrlAuthenticationEntryPoint relativeLoginEntryPoint() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
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
