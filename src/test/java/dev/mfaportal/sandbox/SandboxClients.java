package dev.mfaportal.sandbox;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Real SDK clients pointed at a sandbox, for the sandbox's own tests. They do not retry unless asked, so
 * that a test sees exactly the answer the sandbox gave.
 */
final class SandboxClients {

	private final SandboxAccount account;

	SandboxClients(SandboxAccount account) {
		this.account = account;
	}

	IamClient iam(String accessKeyId, String secret) {
		return iam(AwsBasicCredentials.create(accessKeyId, secret));
	}

	IamClient iam(AwsCredentials credentials) {
		return IamClient.builder()
			.endpointOverride(this.account.endpoint())
			.region(Region.AWS_GLOBAL)
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			.overrideConfiguration(noRetries())
			.build();
	}

	/** An IAM client signed with session credentials from {@code GetSessionToken}. */
	IamClient sessionIam(Credentials session) {
		return iam(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
	}

	IamClient portalIam() {
		return iam(SandboxAccount.PORTAL_ACCESS_KEY_ID, SandboxAccount.PORTAL_SECRET_ACCESS_KEY);
	}

	StsClient sts(String accessKeyId, String secret) {
		return sts(AwsBasicCredentials.create(accessKeyId, secret), noRetries());
	}

	StsClient aliceSts() {
		return sts(SandboxAccount.ALICE_ACCESS_KEY_ID, SandboxAccount.ALICE_SECRET_ACCESS_KEY);
	}

	StsClient sessionSts(Credentials session) {
		return sts(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()),
				noRetries());
	}

	/** An STS client with the SDK's standard retries (3 attempts) and a short attempt timeout. */
	StsClient retryingSts(Duration attemptTimeout) {
		return sts(AwsBasicCredentials.create(SandboxAccount.ALICE_ACCESS_KEY_ID, SandboxAccount.ALICE_SECRET_ACCESS_KEY),
				ClientOverrideConfiguration.builder()
					.retryStrategy(AwsRetryStrategy.standardRetryStrategy())
					.apiCallAttemptTimeout(attemptTimeout)
					.build());
	}

	StsClient sts(AwsCredentials credentials, ClientOverrideConfiguration override) {
		return StsClient.builder()
			.endpointOverride(this.account.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			.overrideConfiguration(override)
			.build();
	}

	private static ClientOverrideConfiguration noRetries() {
		return ClientOverrideConfiguration.builder()
			.retryStrategy(AwsRetryStrategy.doNotRetry())
			.apiCallTimeout(Duration.ofSeconds(10))
			.build();
	}

}
