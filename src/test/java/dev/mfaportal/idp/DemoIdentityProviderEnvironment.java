package dev.mfaportal.idp;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Answers <code>${demo-identity-provider.issuer}</code>, which the test configuration (and so the local demo) uses
 * as the demo provider's {@code issuer-uri}, starting the provider when a context first asks. Registered for every
 * test application in {@code META-INF/spring.factories}; an application that never reads the property never starts
 * the provider.
 */
class DemoIdentityProviderEnvironment implements EnvironmentPostProcessor {

	static final String ISSUER = "demo-identity-provider.issuer";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new PropertySource<>("demoIdentityProvider", ISSUER) {

			@Override
			public Object getProperty(String name) {
				return ISSUER.equals(name) ? DemoIdentityProvider.shared().issuer().toString() : null;
			}

		});
	}

}
