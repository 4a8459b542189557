package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.sts.model.Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Revoking sessions by policy: a Deny on {@code aws:username} and {@code DateLessThan aws:TokenIssueTime}
 * in the managed policy attached to the employees' group (or in an inline policy) refuses IAM calls made
 * with sessions issued before the time, and nothing else.
 */
class SandboxRevocationTests {

	private static final SandboxAccount account = SandboxAccount.start();

	private final SandboxClients clients = new SandboxClients(account);

	private final IamClient portal = this.clients.portalIam();

	private String aliceDevice;

	@BeforeEach
	void reset() {
		account.reset();
		this.aliceDevice = account.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
	}

	@AfterAll
	static void stop() {
		account.close();
	}

	private Credentials aliceSession() {
		return this.clients.aliceSts()
			.getSessionToken((request) -> request.serialNumber(this.aliceDevice)
				.tokenCode(account.devices().freshCode(this.aliceDevice))
				.durationSeconds(900))
			.credentials();
	}

	static String denyBefore(String user, Instant before) {
		return """
				{"Version":"2012-10-17","Statement":[{"Sid":"Revoke%s","Effect":"Deny","Action":"*","Resource":"*",
				"Condition":{"StringEquals":{"aws:username":"%s"},"DateLessThan":{"aws:TokenIssueTime":"%s"}}}]}"""
			.formatted(user.replace(".", ""), user, before);
	}

	private void revoke(String user, Instant before) {
		this.portal.createPolicyVersion((request) -> request.policyArn(SandboxAccount.REVOKED_SESSIONS_POLICY_ARN)
			.policyDocument(denyBefore(user, before))
			.setAsDefault(true));
	}

	private void listAliceDevices(Credentials session) {
		this.clients.sessionIam(session).listMFADevices((request) -> request.userName("alice"));
	}

	@Test
	void sessionIssuedBeforeTheDenyIsRefusedOnIamAndOneIssuedAfterIsNot() {
		Credentials before = aliceSession();
		Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		revoke("alice", revokedAt);
		assertThatExceptionOfType(IamException.class).isThrownBy(() -> listAliceDevices(before)).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(403);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
			assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("User: "
					+ "arn:aws:iam::123456789012:user/employees/alice is not authorized to perform: iam:ListMFADevices "
					+ "on resource: user alice with an explicit deny in an identity-based policy: "
					+ SandboxAccount.REVOKED_SESSIONS_POLICY_ARN);
		});
		await().atMost(Duration.ofSeconds(3)).until(() -> !Instant.now().isBefore(revokedAt));
		assertThatNoException().isThrownBy(() -> listAliceDevices(aliceSession()));
	}

	@Test
	void getCallerIdentityIsNeverDenied() {
		Credentials before = aliceSession();
		revoke("alice", Instant.now().plusSeconds(60));
		assertThat(this.clients.sessionSts(before).getCallerIdentity().arn()).isEqualTo(account.userArn("alice"));
	}

	@Test
	void longTermKeysAndOtherUsersSessionsAreUnaffected() {
		String bobDevice = account.devices().createEnabled("bob", "/mfa-portal/", "bob-phone");
		Credentials bob = this.clients.sts(SandboxAccount.BOB_ACCESS_KEY_ID, SandboxAccount.BOB_SECRET_ACCESS_KEY)
			.getSessionToken((request) -> request.serialNumber(bobDevice).tokenCode(account.devices().freshCode(bobDevice)))
			.credentials();
		revoke("alice", Instant.now().plusSeconds(60));
		IamClient aliceKey = this.clients.iam(SandboxAccount.ALICE_ACCESS_KEY_ID, SandboxAccount.ALICE_SECRET_ACCESS_KEY);
		assertThat(aliceKey.listMFADevices((request) -> request.userName("alice")).mfaDevices()).hasSize(1);
		assertThat(this.clients.sessionIam(bob).listMFADevices((request) -> request.userName("bob")).mfaDevices())
			.hasSize(1);
		assertThat(this.portal.listMFADevices((request) -> request.userName("alice")).mfaDevices()).hasSize(1);
	}

	@Test
	void aDenyForAnotherVersionThanTheDefaultHasNoEffect() {
		Credentials before = aliceSession();
		this.portal.createPolicyVersion((request) -> request.policyArn(SandboxAccount.REVOKED_SESSIONS_POLICY_ARN)
			.policyDocument(denyBefore("alice", Instant.now().plusSeconds(60))));
		assertThatNoException().isThrownBy(() -> listAliceDevices(before));
	}

	@Test
	void inlineDenyFromPutUserPolicyAlsoRevokesAndIsCappedAt2048Characters() {
		Credentials before = aliceSession();
		this.portal.putUserPolicy((request) -> request.userName("alice")
			.policyName("revoke-older-sessions")
			.policyDocument(denyBefore("alice", Instant.now().plusSeconds(60))));
		assertThatExceptionOfType(IamException.class).isThrownBy(() -> listAliceDevices(before))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.endsWith("with an explicit deny in an identity-based policy"));
		assertThat(account.policies().inlineOf("alice")).containsKey("revoke-older-sessions");
		String large = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\","
				+ "\"Resource\":\"arn:aws:s3:::" + "x".repeat(2000) + "\"}]}";
		assertThatExceptionOfType(LimitExceededException.class)
			.isThrownBy(() -> this.portal.putUserPolicy(
					(request) -> request.userName("alice").policyName("too-large").policyDocument(large)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.startsWith("Maximum policy size of 2048 bytes exceeded for user"));
	}

}
