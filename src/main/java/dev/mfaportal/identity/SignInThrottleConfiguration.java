package dev.mfaportal.identity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database-backed sign-in throttle. Kept out of {@link IdentityConfiguration} so that web slices of
 * other modules, which have no database, can import identity with a throttle of their own (the security
 * chain requires one).
 */
@Configuration(proxyBeanMethods = false)
class SignInThrottleConfiguration {

	@Bean
	JdbcSignInThrottle signInThrottle(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
		return new JdbcSignInThrottle(jdbc, properties.signInAttempts(), properties.signInLockout(), clock);
	}

}
