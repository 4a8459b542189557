package dev.mfaportal.aws;

import java.net.URI;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The IAM and STS clients, built the SDK's way: a {@code portal.aws.*} setting is applied only when it is
 * set, so {@code AWS_REGION}, {@code AWS_ENDPOINT_URL[_IAM|_STS]} and the default credentials chain keep
 * working. Both use the SDK's default HTTP client (Apache 5 at 2.57) and never log wire content.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
class AwsClientConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AwsClientConfiguration.class);

	@Bean(destroyMethod = "close")
	IamClient iamClient(AwsProperties properties, MeterRegistry meters) {
		IamClientBuilder builder = IamClient.builder();
		configure(builder, properties, properties.effectiveIamEndpoint(), meters);
		// IAM is global: in the aws partition every region (aws-global too) resolves to iam.amazonaws.com. The
		// fallback is us-east-1 rather than aws-global because with an endpoint override the SDK signs with the
		// client's region verbatim, and an AWS-compatible endpoint expects a real one.
		return builder.region(regionOr(properties, Region.US_EAST_1)).build();
	}

	@Bean(destroyMethod = "close")
	StsClient stsClient(AwsProperties properties, MeterRegistry meters) {
		StsClientBuilder builder = StsClient.builder();
		configure(builder, properties, properties.effectiveStsEndpoint(), meters);
		return builder.region(regionOr(properties, Region.US_EAST_1)).build();
	}

	static void configure(AwsClientBuilder<?, ?> builder, AwsProperties properties, URI endpoint,
			MeterRegistry meters) {
		builder.overrideConfiguration(overrides(properties).andThen(
				(override) -> override.addExecutionInterceptor(new AwsCallMeter(meters))));
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		if (properties.hasStaticCredentials()) {
			builder.credentialsProvider(StaticCredentialsProvider.create(
					AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey().reveal())));
		}
	}

	private static Consumer<ClientOverrideConfiguration.Builder> overrides(AwsProperties properties) {
		// The retry configurator keeps the SDK's mode (AWS_RETRY_MODE) and only bounds the attempts.
		return (override) -> override.apiCallTimeout(properties.apiCallTimeout())
			.apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
			.retryStrategy((retry) -> retry.maxAttempts(properties.maxAttempts()));
	}

	/**
	 * {@code portal.aws.region}, else what the SDK finds ({@code AWS_REGION}, {@code aws.region}, the
	 * profile), else {@code fallback}: a portal with no region configured still starts.
	 */
	static Region regionOr(AwsProperties properties, Region fallback) {
		if (properties.region() != null) {
			return Region.of(properties.region());
		}
		try {
			return new DefaultAwsRegionProviderChain().getRegion();
		}
		catch (SdkClientException ex) {
			logger.info("No AWS region configured; using {}", fallback);
			return fallback;
		}
	}

}
