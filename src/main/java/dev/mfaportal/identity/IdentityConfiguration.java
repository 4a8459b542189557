package dev.mfaportal.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mfaportal.kernel.ClockConfiguration;

/**
 * Everything identity provides. Public only so that {@code @WebMvcTest} slices of other modules can
 * {@code @Import} it and get the real security chain, the {@code Employee} parameter and the clock both run on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IdentityProperties.class, AccessProperties.class })
@Import({ ClockConfiguration.class, SecurityConfiguration.class, LoginController.class,
		ReauthenticationController.class, SignInNoticeAdvice.class })
public class IdentityConfiguration {

	@Bean
	ConfiguredAccounts configuredAccounts(IdentityProperties properties) {
		return new ConfiguredAccounts(properties);
	}

	/** Hashes carry their algorithm ({@code {bcrypt}...}), so a stronger one can be introduced later. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * A session attribute is written with an upsert. Spring Session saves a request's session after the response
	 * has gone out, so under load the browser's next request (the redirect after signing in) can save the same new
	 * attribute at the same time; a plain INSERT then fails that request with a duplicate key (HTTP 500).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	RecentSignIn recentSignIn(IdentityProperties properties, Clock clock) {
		return new RecentSignIn(properties.reauthenticationWindow(), clock);
	}

	@Bean
	WebMvcConfigurer employeeParameter(EmployeeDirectory employees) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new EmployeeArgumentResolver(employees));
			}

		};
	}

}
