package dev.mfaportal.aws;

import java.net.URI;
import java.time.Duration;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mfaportal.kernel.Secret;

class AwsClientConfigurationTests {

	private static final String SDK_ENDPOINT_PROPERTY = "aws.endpointUrl";

	private static final String SDK_REGION_PROPERTY = "aws.region";

	private static final MeterRegistry METERS = new SimpleMeterRegistry();

	private final SandboxAccount account = SandboxAwsConfiguration.sandbox();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(AwsClientConfiguration.class, CachedAwsAccount.class, SandboxAwsConfiguration.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@BeforeEach
	@AfterEach
	void reset() {
		System.clearProperty(SDK_ENDPOINT_PROPERTY);
		System.clearProperty(SDK_REGION_PROPERTY);
		this.account.reset();
	}

	private static AwsProperties properties(URI portalEndpoint) {
		return new AwsProperties("us-east-1", portalEndpoint, null, null, Duration.ofSeconds(10), Duration.ofSeconds(4), 3,
				SandboxAccount.PORTAL_ACCESS_KEY_ID, Secret.of(SandboxAccount.PORTAL_SECRET_ACCESS_KEY));
	}

	/** Without portal.aws.endpoint the SDK's own setting (AWS_ENDPOINT_URL, here as its system property) is used. */
	@Test
	void sdkEndpointSettingIsHonouredWhenNoPortalEndpointIsSet() {
		System.setProperty(SDK_ENDPOINT_PROPERTY, this.account.endpoint().toString());
		AwsClientConfiguration configuration = new AwsClientConfiguration();
		try (IamClient iam = configuration.iamClient(properties(null), METERS);
				StsClient sts = configuration.stsClient(properties(null), METERS)) {
			assertThat(iam.listAccountAliases().accountAliases()).containsExactly(SandboxAccount.ACCOUNT_ALIAS);
			assertThat(sts.getCallerIdentity().arn()).endsWith(":user/" + SandboxAccount.PORTAL_USER);
		}
		assertThat(this.account.requestCount()).isEqualTo(2);
	}

	@Test
	void portalEndpointTakesPrecedenceOverTheSdkSetting() {
		System.setProperty(SDK_ENDPOINT_PROPERTY, "http://127.0.0.1:9");
		try (IamClient iam = new AwsClientConfiguration().iamClient(properties(this.account.endpoint()), METERS)) {
			assertThat(iam.listAccountAliases().accountAliases()).containsExactly(SandboxAccount.ACCOUNT_ALIAS);
		}
	}

	/** Without portal.aws.region the SDK's own setting (AWS_REGION, here as its system property) is used. */
	@Test
	void sdkRegionSettingIsHonouredWhenNoPortalRegionIsSet() {
		System.setProperty(SDK_REGION_PROPERTY, "eu-west-1");
		AwsProperties noRegion = new AwsProperties(null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(4), 3,
				null, null);
		assertThat(AwsClientConfiguration.regionOr(noRegion, Region.US_EAST_1)).isEqualTo(Region.EU_WEST_1);
		assertThat(AwsClientConfiguration.regionOr(properties(null), Region.US_EAST_1)).isEqualTo(Region.US_EAST_1);
		try (StsClient sts = new AwsClientConfiguration().stsClient(noRegion, METERS)) {
			assertThat(sts.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
		}
	}

	@Test
	void contextBindsPortalAwsPropertiesWithDefaults() {
		this.runner.run((context) -> {
			AwsProperties properties = context.getBean(AwsProperties.class);
			assertThat(properties.apiCallTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(4));
			assertThat(properties.maxAttempts()).isEqualTo(3);
			assertThat(properties.toString()).doesNotContain(SandboxAccount.PORTAL_SECRET_ACCESS_KEY);
			assertThat(context.getBean(AwsAccount.class).displayName()).isEqualTo(SandboxAccount.ACCOUNT_ALIAS);
		});
	}

	@Test
	void maxAttemptsAboveFiveIsRefused() {
		this.runner.withPropertyValues("portal.aws.max-attempts=6")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("maxAttempts"));
	}

	@Test
	void accessKeyIdWithoutSecretIsRefused() {
		new ApplicationContextRunner().withUserConfiguration(AwsClientConfiguration.class)
			.withPropertyValues("portal.aws.access-key-id=AKIAEXAMPLE", "portal.aws.region=us-east-1")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("must be set together"));
	}

}
