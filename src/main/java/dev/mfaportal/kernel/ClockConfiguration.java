package dev.mfaportal.kernel;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time in the portal. Every expiry, window and audit timestamp reads this bean, so a
 * test replaces the bean (not a constructor argument) to move time. Public only so that test slices, which
 * do not scan the kernel, can {@code @Import} it.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
