package dev.mfaportal.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxAwsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SandboxAwsConfiguration.class);

	@Test
	void everyContextSharesOneSandboxAndPointsPortalAwsAtIt() {
		this.runner.run((first) -> this.runner.run((second) -> {
			SandboxAccount account = first.getBean(SandboxAccount.class);
			assertThat(second.getBean(SandboxAccount.class)).isSameAs(account);
			assertThat(first.getEnvironment().getProperty("portal.aws.endpoint")).isEqualTo(account.endpoint().toString());
			assertThat(first.getEnvironment().getProperty("portal.aws.region")).isEqualTo("us-east-1");
			assertThat(first.getEnvironment().getProperty("portal.aws.access-key-id"))
				.isEqualTo(SandboxAccount.PORTAL_ACCESS_KEY_ID);
			assertThat(first.getEnvironment().getProperty("portal.aws.secret-access-key"))
				.isEqualTo(SandboxAccount.PORTAL_SECRET_ACCESS_KEY);
		}));
		assertThat(new SandboxClients(SandboxAwsConfiguration.sandbox()).portalIam().listAccountAliases().accountAliases())
			.as("the shared sandbox outlives the contexts that used it")
			.containsExactly(SandboxAccount.ACCOUNT_ALIAS);
	}

}
