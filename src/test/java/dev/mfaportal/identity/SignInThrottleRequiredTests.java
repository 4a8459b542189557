package dev.mfaportal.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle is a security control: without its bean the portal does not start, rather than
 * signing people in unthrottled.
 */
class SignInThrottleRequiredTests {

	private final WebApplicationContextRunner identity = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withUserConfiguration(IdentityConfiguration.class);

	@Test
	void startWhenNoSignInThrottleThenFailsNamingIt() {
		this.identity.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoSuchBeanDefinitionException.class)
				.hasMessageContaining(SignInThrottle.class.getName());
		});
	}

	@Test
	void startWhenASignInThrottleExistsThenTheChainStarts() {
		this.identity.withUserConfiguration(InMemorySignInThrottle.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class));
	}

}
