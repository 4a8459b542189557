package dev.mfaportal;

import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the local demo adds to the real application: the sandbox AWS account and an embedded PostgreSQL,
 * both in-process, so a JDK is all a developer needs. Test scope only: the jar never contains it. The demo
 * identity provider comes with the test configuration, which registers it (dev.mfaportal.idp).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SandboxAwsConfiguration.class)
class LocalDemoConfiguration {

	private static final Log logger = LogFactory.getLog(LocalDemoConfiguration.class);

	/**
	 * Points the DataSource at the embedded PostgreSQL before anything binds it. A property source rather
	 * than a {@code DynamicPropertyRegistrar}, which only the test framework applies.
	 */
	@Bean
	static BeanFactoryPostProcessor embeddedPostgresProperties(ConfigurableEnvironment environment) {
		return (beanFactory) -> {
			TestPostgres server = TestPostgres.start(TestPostgres.Kind.EMBEDDED);
			environment.getPropertySources()
				.addFirst(new MapPropertySource("localDemoDatabase",
						Map.of("spring.datasource.url", server.url("postgres"), "spring.datasource.username",
								server.username(), "spring.datasource.password", server.password())));
		};
	}

	/**
	 * The demo account is fuller than the tests' one: three dozen employees for the coverage page, a credential
	 * report that takes a few seconds to generate and new access keys that take a few seconds to work, as on AWS.
	 */
	@Bean
	InitializingBean demoAccount(SandboxAccount sandbox) {
		return () -> {
			sandbox.seedDemoUsers();
			DemoIdentityProvider.addIamUsers(sandbox);
			sandbox.credentialReport().generationDelay(Duration.ofSeconds(3));
			sandbox.keyPropagationDelay(Duration.ofSeconds(3));
		};
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> demoBanner(ConfigurableEnvironment environment, SandboxAccount sandbox) {
		return (event) -> logger.info("""

				========================================================================
				  MFA Portal (local demo) is running on http://localhost:%s/
				  Sign in as alice/alice or bob/bob (employees), helpdesk/helpdesk (help desk),
				  auditor/auditor (audit log, read-only) or admin/admin (admin); the same names
				  and passwords work with "Sign in with the demo identity provider" at
				    %s
				  (also dave/dave, who signs in there without MFA, and carol/carol, a contractor
				  the portal does not serve).
				  Sandbox AWS account %s; access keys for the credentials page:
				    alice  %s / %s
				    bob    %s / %s
				  Sandbox AWS endpoint: %s
				  Portal identity key: %s / %s
				    e.g. AWS_ACCESS_KEY_ID=<id> AWS_SECRET_ACCESS_KEY=<secret> AWS_DEFAULT_REGION=us-east-1 \\
				         aws --endpoint-url %s iam list-access-keys --user-name alice
				  PostgreSQL (embedded) and the sandbox stop when you press Ctrl+C.
				========================================================================
				""".formatted(environment.getProperty("local.server.port", "8080"),
				DemoIdentityProvider.shared().issuer(), SandboxAccount.ACCOUNT_ID,
				SandboxAccount.ALICE_ACCESS_KEY_ID, SandboxAccount.ALICE_SECRET_ACCESS_KEY,
				SandboxAccount.BOB_ACCESS_KEY_ID, SandboxAccount.BOB_SECRET_ACCESS_KEY, sandbox.endpoint(),
				SandboxAccount.PORTAL_ACCESS_KEY_ID, SandboxAccount.PORTAL_SECRET_ACCESS_KEY, sandbox.endpoint()));
	}

}
