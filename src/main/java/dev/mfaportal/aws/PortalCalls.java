package dev.mfaportal.aws;

import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs an IAM call signed by the portal's own identity and translates what the SDK throws.
 */
final class PortalCalls {

	private PortalCalls() {
	}

	static <T> T call(String operation, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (SdkException ex) {
			throw AwsErrorTranslator.translate(operation, ex, AwsErrorTranslator.Signer.PORTAL);
		}
	}

}
