package dev.mfaportal.aws;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.mfaportal.kernel.Secret;

/**
 * How the portal reaches AWS. Every setting is optional: left unset, the SDK's own conventions apply
 * ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL[_IAM|_STS]}, {@code AWS_PROFILE}, the default credentials chain).
 *
 * @param region the region for STS (and IAM's signing region), e.g. {@code us-east-1}
 * @param endpoint one endpoint for IAM and STS alike (an AWS-compatible service, the sandbox)
 * @param iamEndpoint the IAM endpoint, overriding {@code endpoint}
 * @param stsEndpoint the STS endpoint, overriding {@code endpoint}
 * @param apiCallTimeout the longest a call may take, all attempts included
 * @param apiCallAttemptTimeout the longest one attempt may take
 * @param maxAttempts attempts per call for calls without a one-time code (code-carrying calls get exactly one)
 * @param accessKeyId a static key for the portal's own identity: for the sandbox and local demos only;
 * production uses the default credentials chain (instance or task role, {@code AWS_PROFILE}, …)
 * @param secretAccessKey the secret of that static key
 */
@ConfigurationProperties("portal.aws")
@Validated
record AwsProperties(String region, URI endpoint, URI iamEndpoint, URI stsEndpoint,
		@NotNull @DefaultValue("10s") Duration apiCallTimeout, @NotNull @DefaultValue("4s") Duration apiCallAttemptTimeout,
		@Min(1) @Max(5) @DefaultValue("3") int maxAttempts, String accessKeyId, Secret secretAccessKey) {

	AwsProperties {
		if ((accessKeyId == null) != (secretAccessKey == null)) {
			throw new IllegalArgumentException(
					"portal.aws.access-key-id and portal.aws.secret-access-key must be set together, or neither");
		}
	}

	URI effectiveIamEndpoint() {
		return (this.iamEndpoint != null) ? this.iamEndpoint : this.endpoint;
	}

	URI effectiveStsEndpoint() {
		return (this.stsEndpoint != null) ? this.stsEndpoint : this.endpoint;
	}

	boolean hasStaticCredentials() {
		return this.accessKeyId != null;
	}

}
