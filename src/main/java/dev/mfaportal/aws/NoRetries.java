package dev.mfaportal.aws;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;

/**
 * A per-request override that makes exactly one attempt (S16). A one-time code is burnt by the first
 * attempt that reaches AWS, so a retry (after a timeout, say) could only fail, or worse, be refused as
 * a reused code. The SDK 2.57 has no per-request retry setting; a per-request plugin may change the
 * client's retry strategy for that request only.
 */
final class NoRetries {

	private static final SdkPlugin PLUGIN = (config) -> config
		.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry()));

	private NoRetries() {
	}

	static void apply(AwsRequestOverrideConfiguration.Builder override) {
		override.addPlugin(PLUGIN);
	}

}
