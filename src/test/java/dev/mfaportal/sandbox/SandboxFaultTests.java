package dev.mfaportal.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sandbox's switchable faults, seen through the real SDK clients.
 */
class SandboxFaultTests {

	private static final SandboxAccount account = SandboxAccount.start();

	private final SandboxClients clients = new SandboxClients(account);

	private final IamClient iam = this.clients.portalIam();

	@BeforeEach
	void reset() {
		account.reset();
	}

	@AfterAll
	static void stop() {
		account.close();
	}

	@Test
	void throttlingAnswersThrottling400() {
		account.inject(SandboxFault.throttling());
		assertThatExceptionOfType(IamException.class).isThrownBy(this.iam::listAccountAliases).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(400);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("Throttling");
			assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
			assertThat(ex.isThrottlingException()).isTrue();
		});
	}

	@Test
	void serviceFailureAnswers500() {
		account.inject(SandboxFault.serviceFailure());
		assertThatExceptionOfType(ServiceFailureException.class).isThrownBy(this.iam::listAccountAliases)
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
		assertThatExceptionOfType(StsException.class).isThrownBy(() -> this.clients.aliceSts().getCallerIdentity())
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(500);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
			});
	}

	@Test
	void droppedConnectionGivesNoResponseAtAll() {
		account.inject(SandboxFault.droppedConnection().times(1));
		assertThatExceptionOfType(SdkClientException.class).isThrownBy(this.iam::listAccountAliases);
		assertThat(this.iam.listAccountAliases().accountAliases()).containsExactly(SandboxAccount.ACCOUNT_ALIAS);
	}

	@Test
	void latencyPastTheAttemptTimeoutFailsTheAttempt() {
		account.inject(SandboxFault.latency(Duration.ofMillis(1500)));
		assertThatExceptionOfType(ApiCallAttemptTimeoutException.class)
			.isThrownBy(() -> this.clients.sts(AwsBasicCredentials.create(
					SandboxAccount.ALICE_ACCESS_KEY_ID, SandboxAccount.ALICE_SECRET_ACCESS_KEY),
					ClientOverrideConfiguration.builder()
						.retryStrategy(AwsRetryStrategy.doNotRetry())
						.apiCallAttemptTimeout(Duration.ofMillis(300))
						.build())
				.getCallerIdentity());
		assertThat(account.requestCount("GetCallerIdentity")).isEqualTo(1);
	}

	@Test
	void latencyForOneRequestDelaysOnlyThatOne() {
		account.inject(SandboxFault.latency(Duration.ofMillis(2500)).times(1));
		long started = System.nanoTime();
		assertThat(this.clients.retryingSts(Duration.ofMillis(1000)).getCallerIdentity().arn()).endsWith(":user/employees/alice");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		assertThat(account.requestCount("GetCallerIdentity")).isEqualTo(2);
	}

	@Test
	void faultForNextNRequestsLetsTheSdkRetryThrough() {
		account.inject(SandboxFault.throttling().times(1));
		assertThat(this.clients.retryingSts(Duration.ofSeconds(5)).getCallerIdentity().arn()).endsWith(":user/employees/alice");
		assertThat(account.requestCount("GetCallerIdentity")).isEqualTo(2);
	}

	@Test
	void faultForOneActionLeavesOthersAlone() {
		account.inject(SandboxFault.serviceFailure().onlyFor("GetSessionToken"));
		assertThat(this.clients.aliceSts().getCallerIdentity().arn()).endsWith(":user/employees/alice");
		assertThatExceptionOfType(StsException.class).isThrownBy(() -> this.clients.aliceSts().getSessionToken());
	}

	@Test
	void clearFaultsStopsThem() {
		account.inject(SandboxFault.throttling());
		account.clearFaults();
		assertThat(this.iam.listAccountAliases().accountAliases()).hasSize(1);
	}

	@Test
	void requestLogRecordsActionAndClaimedKeyEvenForFaultedRequests() {
		account.inject(SandboxFault.throttling().times(1));
		assertThatExceptionOfType(IamException.class).isThrownBy(this.iam::listAccountAliases);
		this.clients.aliceSts().getCallerIdentity();
		assertThat(account.requests()).extracting(SandboxRequest::action, SandboxRequest::accessKeyId)
			.containsExactly(tuple("ListAccountAliases", SandboxAccount.PORTAL_ACCESS_KEY_ID),
					tuple("GetCallerIdentity", SandboxAccount.ALICE_ACCESS_KEY_ID));
		account.clearRequests();
		assertThat(account.requestCount()).isZero();
	}

}
