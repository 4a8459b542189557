package dev.mfaportal.aws;

import java.time.Duration;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import dev.mfaportal.kernel.Secret;

/**
 * The aws module's production classes wired to the JVM's shared sandbox without a Spring context, built
 * by {@link AwsClientConfiguration} exactly as the application builds them.
 */
final class SandboxedAws {

	final SandboxAccount account = SandboxAwsConfiguration.sandbox();

	final IamClient iam;

	final StsClient sts;

	SandboxedAws() {
		this(Duration.ofSeconds(4), 3);
	}

	SandboxedAws(Duration attemptTimeout, int maxAttempts) {
		AwsProperties properties = new AwsProperties("us-east-1", this.account.endpoint(), null, null,
				Duration.ofSeconds(10), attemptTimeout, maxAttempts, SandboxAccount.PORTAL_ACCESS_KEY_ID,
				Secret.of(SandboxAccount.PORTAL_SECRET_ACCESS_KEY));
		AwsClientConfiguration configuration = new AwsClientConfiguration();
		this.iam = configuration.iamClient(properties, new SimpleMeterRegistry());
		this.sts = configuration.stsClient(properties, new SimpleMeterRegistry());
	}

	MfaDevices mfaDevices() {
		return new IamMfaDevices(this.iam);
	}

	SessionTokens sessionTokens() {
		return new StsSessionTokens(this.sts);
	}

	AwsAccount awsAccount() {
		return new CachedAwsAccount(this.sts, this.iam);
	}

	static AccessKey aliceKey() {
		return new AccessKey(SandboxAccount.ALICE_ACCESS_KEY_ID, Secret.of(SandboxAccount.ALICE_SECRET_ACCESS_KEY));
	}

	static AccessKey bobKey() {
		return new AccessKey(SandboxAccount.BOB_ACCESS_KEY_ID, Secret.of(SandboxAccount.BOB_SECRET_ACCESS_KEY));
	}

}
