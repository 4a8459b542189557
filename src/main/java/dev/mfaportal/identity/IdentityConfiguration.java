package dev.mfaportal.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
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
