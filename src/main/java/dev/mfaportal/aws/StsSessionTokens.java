package dev.mfaportal.aws;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

import org.springframework.stereotype.Component;

import dev.mfaportal.kernel.Secret;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * {@link SessionTokens} on STS. The credentials of each call are supplied for that request only, so the
 * shared client never holds an employee's key.
 */
@Component
class StsSessionTokens implements SessionTokens {

	private final StsClient sts;

	StsSessionTokens(StsClient sts) {
		this.sts = sts;
	}

	@Override
	public SessionCredentials issue(AccessKey key, String serialNumber, OneTimeCode code, Duration duration) {
		StaticCredentialsProvider employee = StaticCredentialsProvider
			.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey().reveal()));
		GetSessionTokenResponse response;
		try {
			response = this.sts.getSessionToken((request) -> request.serialNumber(serialNumber)
				.tokenCode(code.digits())
				.durationSeconds(Math.toIntExact(duration.toSeconds()))
				.overrideConfiguration((override) -> {
					override.credentialsProvider(employee);
					NoRetries.apply(override);
				}));
		}
		catch (SdkException ex) {
			throw AwsErrorTranslator.translate("GetSessionToken", ex, AwsErrorTranslator.Signer.EMPLOYEE);
		}
		Credentials credentials = response.credentials();
		return new SessionCredentials(credentials.accessKeyId(), Secret.of(credentials.secretAccessKey()),
				Secret.of(credentials.sessionToken()), credentials.expiration(), response.responseMetadata().requestId());
	}

	@Override
	public CallerIdentity callerOf(SessionCredentials session) {
		StaticCredentialsProvider provider = StaticCredentialsProvider.create(AwsSessionCredentials
			.create(session.accessKeyId(), session.secretAccessKey().reveal(), session.sessionToken().reveal()));
		try {
			GetCallerIdentityResponse caller = this.sts
				.getCallerIdentity((request) -> request.overrideConfiguration((override) -> override.credentialsProvider(provider)));
			return new CallerIdentity(caller.account(), caller.userId(), caller.arn());
		}
		catch (SdkException ex) {
			throw AwsErrorTranslator.translate("GetCallerIdentity", ex, AwsErrorTranslator.Signer.EMPLOYEE);
		}
	}

}
