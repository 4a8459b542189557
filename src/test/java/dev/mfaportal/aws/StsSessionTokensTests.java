package dev.mfaportal.aws;

import java.time.Duration;
import java.time.Instant;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.aws.AwsCallException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import dev.mfaportal.kernel.Secret;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * {@link StsSessionTokens} against the sandbox account, through the real SDK client.
 */
class StsSessionTokensTests {

	private final SandboxedAws aws = new SandboxedAws();

	private final SandboxAccount account = this.aws.account;

	private final SessionTokens tokens = this.aws.sessionTokens();

	private String aliceDevice;

	@BeforeEach
	void reset() {
		this.account.reset();
		this.aliceDevice = this.account.devices().createEnabled("alice", "/mfa-portal/", "alice-1");
	}

	private OneTimeCode freshCode() {
		return new OneTimeCode(this.account.devices().freshCode(this.aliceDevice));
	}

	@Test
	void issueWithTheEmployeesKeyGivesASessionOfThatUser() {
		SessionCredentials session = this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, freshCode(), Duration.ofHours(1));
		assertThat(session.accessKeyId()).startsWith("ASIA");
		assertThat(session.expiration()).isCloseTo(Instant.now().plusSeconds(3600), within(Duration.ofSeconds(5)));
		assertThat(session.requestId()).isNotBlank();
		assertThat(session.toString()).doesNotContain(session.secretAccessKey().reveal(), session.sessionToken().reveal());
		CallerIdentity caller = this.tokens.callerOf(session);
		assertThat(caller.arn()).isEqualTo("arn:aws:iam::123456789012:user/employees/alice");
		assertThat(caller.iamUserName()).isEqualTo("alice");
		assertThat(this.account.requests()).filteredOn((request) -> "GetSessionToken".equals(request.action()))
			.singleElement()
			.satisfies((request) -> assertThat(request.accessKeyId()).isEqualTo(SandboxAccount.ALICE_ACCESS_KEY_ID));
	}

	@Test
	void reusedCodeIsWrongCode() {
		OneTimeCode code = freshCode();
		this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, code, Duration.ofHours(1));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, code, Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.WRONG_CODE))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo("AccessDenied");
				assertThat(ex.requestId()).isNotBlank();
			});
	}

	@Test
	void anotherUsersKeyIsKeyNotForDevice() {
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.tokens.issue(SandboxedAws.bobKey(), this.aliceDevice, freshCode(), Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.KEY_NOT_FOR_DEVICE));
	}

	@Test
	void unknownKeyOrWrongSecretIsInvalidKey() {
		AccessKey unknown = new AccessKey("AKIAUNKNOWN000000000", Secret.of(SandboxAccount.ALICE_SECRET_ACCESS_KEY));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.tokens.issue(unknown, this.aliceDevice, freshCode(), Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_KEY))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("InvalidClientTokenId"));
		AccessKey wrongSecret = new AccessKey(SandboxAccount.ALICE_ACCESS_KEY_ID, Secret.of("not-the-secret"));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.tokens.issue(wrongSecret, this.aliceDevice, freshCode(), Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_KEY))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("SignatureDoesNotMatch"));
	}

	@Test
	void durationOutOfRangeIsRejectedInputWithoutEchoingTheValue() {
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, freshCode(), Duration.ofSeconds(600)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.REJECTED_INPUT))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo("ValidationError");
				assertThat(ex.getMessage()).doesNotContain("'600'").contains("durationSeconds");
			});
	}

	/** S16: the first attempt times out, and no second request reaches AWS. */
	@Test
	void issueIsNeverRetriedEvenWhenTheFirstAttemptTimesOut() {
		SessionTokens impatient = new SandboxedAws(Duration.ofMillis(300), 3).sessionTokens();
		this.account.inject(SandboxFault.latency(Duration.ofMillis(1000)).onlyFor("GetSessionToken"));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> impatient.issue(SandboxedAws.aliceKey(), this.aliceDevice, freshCode(), Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
		// Retries would all have been made before the exception surfaced.
		assertThat(this.account.requestCount("GetSessionToken")).isEqualTo(1);
	}

	/** S16 again: a connection dropped without an answer is not retried either. */
	@Test
	void issueIsNeverRetriedWhenTheConnectionDrops() {
		this.account.inject(SandboxFault.droppedConnection().onlyFor("GetSessionToken"));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, freshCode(), Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
		assertThat(this.account.requestCount("GetSessionToken")).isEqualTo(1);
	}

	/** The control for S16: the same fault on a call without a code is retried up to max-attempts. */
	@Test
	void callerOfIsRetriedWhenAttemptsTimeOut() {
		SessionCredentials session = this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, freshCode(), Duration.ofHours(1));
		// The third attempt must answer within the attempt timeout even on a loaded machine, hence a whole second.
		SessionTokens impatient = new SandboxedAws(Duration.ofMillis(1000), 3).sessionTokens();
		this.account.inject(SandboxFault.latency(Duration.ofMillis(2500)).onlyFor("GetCallerIdentity").times(2));
		assertThat(impatient.callerOf(session).iamUserName()).isEqualTo("alice");
		assertThat(this.account.requestCount("GetCallerIdentity")).isEqualTo(3);
	}

	@Test
	void serviceFailureIsUnavailable() {
		this.account.inject(SandboxFault.serviceFailure().onlyFor("GetSessionToken"));
		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, freshCode(), Duration.ofHours(1)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("InternalFailure"));
		assertThat(this.account.requestCount("GetSessionToken")).isEqualTo(1);
	}

	@Test
	void callerOfAnExpiredSessionIsInvalidKey() {
		SessionCredentials session = this.tokens.issue(SandboxedAws.aliceKey(), this.aliceDevice, freshCode(), Duration.ofHours(1));
		this.account.expireSessions();
		assertThatExceptionOfType(AwsCallException.class).isThrownBy(() -> this.tokens.callerOf(session))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_KEY))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("ExpiredToken"));
	}

}
