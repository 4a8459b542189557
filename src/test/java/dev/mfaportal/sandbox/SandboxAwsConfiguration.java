package dev.mfaportal.sandbox;

import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the sandbox AWS account (once per JVM, shared by every Spring context) and points the portal's
 * IAM and STS clients at it, signed with the portal identity's sandbox key. {@code @Import} it in a test,
 * or add it to the local demo application; inject {@link SandboxAccount} to look at or steer the account.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SandboxAwsConfiguration {

	/** The property source this configuration adds; it takes precedence over the application's own files. */
	public static final String PROPERTY_SOURCE_NAME = "sandboxAws";

	private static volatile SandboxAccount shared;

	/** The one sandbox of this JVM, started on first use. */
	public static SandboxAccount sandbox() {
		SandboxAccount account = shared;
		if (account == null) {
			synchronized (SandboxAwsConfiguration.class) {
				account = shared;
				if (account == null) {
					account = SandboxAccount.start();
					shared = account;
				}
			}
		}
		return account;
	}

	/** The portal.aws.* properties (and the revocation policy) that point the portal's clients at the sandbox. */
	public static Map<String, Object> properties() {
		return Map.of("portal.aws.endpoint", sandbox().endpoint().toString(), "portal.aws.region", "us-east-1",
				"portal.aws.access-key-id", SandboxAccount.PORTAL_ACCESS_KEY_ID, "portal.aws.secret-access-key",
				SandboxAccount.PORTAL_SECRET_ACCESS_KEY, "portal.credentials.revocation-policy-arn",
				SandboxAccount.REVOKED_SESSIONS_POLICY_ARN);
	}

	/** Shared across contexts, so a closing context must not stop it (it is AutoCloseable). */
	@Bean(destroyMethod = "")
	SandboxAccount sandboxAccount() {
		return sandbox();
	}

	/**
	 * Adds the properties before any bean binds them. Unlike a {@code DynamicPropertyRegistrar}, this also
	 * works outside the test framework ({@code spring-boot:test-run}).
	 */
	@Bean
	static BeanFactoryPostProcessor sandboxAwsProperties(ConfigurableEnvironment environment) {
		return (beanFactory) -> {
			if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
				environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties()));
			}
		};
	}

}
