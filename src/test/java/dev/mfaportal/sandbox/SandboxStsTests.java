package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The sandbox's STS behaviour and its access-key checks, driven through the real SDK clients.
 */
class SandboxStsTests {

	private static final String BAD_CODE = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

	private static final SandboxAccount account = SandboxAccount.start();

	private final SandboxClients clients = new SandboxClients(account);

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

	private Credentials issue(StsClient sts, String serial, String code, int seconds) {
		return sts.getSessionToken((request) -> request.serialNumber(serial).tokenCode(code).durationSeconds(seconds))
			.credentials();
	}

	@Test
	void sessionFromAFreshCodeIsAcceptedByGetCallerIdentityAsTheUser() {
		Credentials session = issue(this.clients.aliceSts(), this.aliceDevice, account.devices().freshCode(this.aliceDevice), 3600);
		assertThat(session.accessKeyId()).startsWith("ASIA").hasSize(20);
		assertThat(session.sessionToken()).isNotBlank();
		assertThat(session.expiration()).isCloseTo(Instant.now().plusSeconds(3600), within(Duration.ofSeconds(5)));
		GetCallerIdentityResponse caller = this.clients.sessionSts(session).getCallerIdentity();
		assertThat(caller.arn()).isEqualTo("arn:aws:iam::123456789012:user/employees/alice");
		assertThat(caller.userId()).isEqualTo("AIDASANDBOXALICE00001");
		assertThat(caller.account()).isEqualTo(SandboxAccount.ACCOUNT_ID);
		assertThat(account.sessionOwner(session.accessKeyId())).contains("alice");
		assertThat(account.sessionKeyIds()).containsExactly(session.accessKeyId());
	}

	@Test
	void reusedCodeIsAccessDenied() {
		String code = account.devices().freshCode(this.aliceDevice);
		issue(this.clients.aliceSts(), this.aliceDevice, code, 900);
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> issue(this.clients.aliceSts(), this.aliceDevice, code, 900))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(BAD_CODE);
			});
	}

	@Test
	void wrongCodeIsAccessDenied() {
		String right = account.devices().freshCode(this.aliceDevice);
		String wrong = right.equals("000000") ? "111111" : "000000";
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> issue(this.clients.aliceSts(), this.aliceDevice, wrong, 900))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(BAD_CODE));
	}

	@Test
	void codeOfAStepOutsideTheWindowIsAccessDenied() {
		String stale = account.devices().codeAt(this.aliceDevice, account.now().minusSeconds(120));
		List<String> near = List.of(account.devices().codeAt(this.aliceDevice, account.now().minusSeconds(30)),
				account.devices().codeAt(this.aliceDevice, account.now()),
				account.devices().codeAt(this.aliceDevice, account.now().plusSeconds(30)));
		assumeFalse(near.contains(stale), "codes of different steps collided");
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> issue(this.clients.aliceSts(), this.aliceDevice, stale, 900));
	}

	@Test
	void serialOfAnotherUsersDeviceIsAccessDeniedUnableToValidate() {
		String bobDevice = account.devices().createEnabled("bob", "/mfa-portal/", "bob-phone");
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> issue(this.clients.aliceSts(), bobDevice, account.devices().freshCode(bobDevice), 900))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorMessage()).startsWith("MultiFactorAuthentication failed, unable to validate MFA code.  Please verify");
			});
	}

	@Test
	void durationOutsideNineHundredTo129600IsValidationError() {
		for (int seconds : new int[] { 899, 129601 }) {
			assertThatExceptionOfType(StsException.class)
				.isThrownBy(() -> issue(this.clients.aliceSts(), this.aliceDevice, account.devices().freshCode(this.aliceDevice), seconds))
				.satisfies((ex) -> {
					assertThat(ex.statusCode()).isEqualTo(400);
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
					assertThat(ex.awsErrorDetails().errorMessage()).contains("'" + seconds + "' at 'durationSeconds'");
				});
		}
		assertThat(issue(this.clients.aliceSts(), this.aliceDevice, account.devices().freshCode(this.aliceDevice), 129600)
			.accessKeyId()).startsWith("ASIA");
	}

	@Test
	void sessionCredentialsCannotCallGetSessionToken() {
		Credentials session = issue(this.clients.aliceSts(), this.aliceDevice, account.devices().freshCode(this.aliceDevice), 900);
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> issue(this.clients.sessionSts(session), this.aliceDevice, account.devices().freshCode(this.aliceDevice), 900))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Cannot call GetSessionToken with session credentials"));
	}

	@Test
	void unknownAccessKeyIsInvalidClientTokenId() {
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> this.clients.sts("AKIAUNKNOWN000000000", SandboxAccount.ALICE_SECRET_ACCESS_KEY).getCallerIdentity())
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
			});
	}

	@Test
	void wrongSecretIsSignatureDoesNotMatch() {
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> this.clients.sts(SandboxAccount.ALICE_ACCESS_KEY_ID, SandboxAccount.BOB_SECRET_ACCESS_KEY).getCallerIdentity())
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
			});
		IamClient iam = this.clients.iam(SandboxAccount.PORTAL_ACCESS_KEY_ID, "wrong-secret");
		assertThatExceptionOfType(IamException.class)
			.isThrownBy(iam::listAccountAliases)
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
	}

	@Test
	void longTermKeyIdentifiesItsUser() {
		assertThat(this.clients.sts(SandboxAccount.BOB_ACCESS_KEY_ID, SandboxAccount.BOB_SECRET_ACCESS_KEY)
			.getCallerIdentity()
			.arn()).isEqualTo("arn:aws:iam::123456789012:user/employees/bob");
	}

	@Test
	void secondCodeConsumedByEnableCannotBeReusedForASession() {
		String serial = account.devices().create("/mfa-portal/", "new-phone", Map.of());
		List<String> codes = account.devices().freshCodePair(serial);
		this.clients.portalIam().enableMFADevice((request) -> request.userName("alice")
			.serialNumber(serial)
			.authenticationCode1(codes.get(0))
			.authenticationCode2(codes.get(1)));
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> issue(this.clients.aliceSts(), serial, codes.get(1), 900));
	}

	@Test
	void expiredSessionIsExpiredToken() {
		Credentials session = issue(this.clients.aliceSts(), this.aliceDevice, account.devices().freshCode(this.aliceDevice), 900);
		account.expireSessions();
		assertThatExceptionOfType(StsException.class).isThrownBy(() -> this.clients.sessionSts(session).getCallerIdentity())
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
			});
	}

}
