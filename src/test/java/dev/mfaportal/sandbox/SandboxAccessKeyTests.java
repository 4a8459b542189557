package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox's long-term access keys (create, delete, list, propagation) and how sessions outlive the key
 * that created them, driven through the real SDK clients.
 */
class SandboxAccessKeyTests {

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

	private AccessKey createFor(String user) {
		return this.iam.createAccessKey((request) -> request.userName(user)).accessKey();
	}

	private Credentials session(StsClient sts, String serial) {
		return sts.getSessionToken((request) -> request.serialNumber(serial)
			.tokenCode(account.devices().freshCode(serial))
			.durationSeconds(900)).credentials();
	}

	@Test
	void createAccessKeyReturnsAnActiveAkiaKeyWithAFortyCharacterSecret() {
		AccessKey key = createFor("alice");
		assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
		assertThat(key.secretAccessKey()).hasSize(40);
		assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
		assertThat(key.userName()).isEqualTo("alice");
		assertThat(key.createDate()).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
		assertThat(account.accessKeys().of("alice")).extracting(SandboxAccessKey::accessKeyId)
			.containsExactly(SandboxAccount.ALICE_ACCESS_KEY_ID, key.accessKeyId());
	}

	@Test
	void thirdKeyCountingAnInactiveOneIsLimitExceeded() {
		account.accessKeys().create("bob", Instant.parse("2024-06-01T00:00:00Z"), false);
		assertThatExceptionOfType(LimitExceededException.class).isThrownBy(() -> createFor("bob"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(409);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
			});
		assertThat(account.accessKeys().of("bob")).hasSize(2);
	}

	@Test
	void listAccessKeysShowsStatusWithoutSecretAndPaginates() {
		String inactive = account.accessKeys().create("alice", Instant.parse("2025-01-01T00:00:00Z"), false);
		ListAccessKeysResponse first = this.iam.listAccessKeys((request) -> request.userName("alice").maxItems(1));
		assertThat(first.isTruncated()).isTrue();
		ListAccessKeysResponse second = this.iam
			.listAccessKeys((request) -> request.userName("alice").maxItems(1).marker(first.marker()));
		assertThat(second.isTruncated()).isFalse();
		assertThat(second.marker()).isNull();
		assertThat(first.accessKeyMetadata()).singleElement()
			.satisfies((key) -> assertThat(key.status()).isEqualTo(StatusType.ACTIVE));
		assertThat(second.accessKeyMetadata()).singleElement().satisfies((key) -> {
			assertThat(key.accessKeyId()).isEqualTo(inactive);
			assertThat(key.status()).isEqualTo(StatusType.INACTIVE);
			assertThat(key.userName()).isEqualTo("alice");
		});
		assertThat(this.iam.listAccessKeysPaginator((request) -> request.userName("alice")).accessKeyMetadata().stream())
			.extracting(AccessKeyMetadata::accessKeyId)
			.containsExactly(SandboxAccount.ALICE_ACCESS_KEY_ID, inactive);
	}

	@Test
	void deleteOfAnUnknownKeyIsNoSuchEntity() {
		assertThatExceptionOfType(NoSuchEntityException.class)
			.isThrownBy(() -> this.iam
				.deleteAccessKey((request) -> request.userName("alice").accessKeyId("AKIAUNKNOWN000000000")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.iam
			.deleteAccessKey((request) -> request.userName("bob").accessKeyId(SandboxAccount.ALICE_ACCESS_KEY_ID)));
		assertThat(account.accessKeys().of("alice")).hasSize(1);
	}

	@Test
	void requestSignedWithADeletedKeyIsInvalidClientTokenId() {
		AccessKey key = createFor("alice");
		StsClient sts = this.clients.sts(key.accessKeyId(), key.secretAccessKey());
		assertThat(sts.getCallerIdentity().arn()).isEqualTo(account.userArn("alice"));
		this.iam.deleteAccessKey((request) -> request.userName("alice").accessKeyId(key.accessKeyId()));
		assertThatExceptionOfType(StsException.class).isThrownBy(sts::getCallerIdentity).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(403);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
		});
		assertThat(account.accessKeys().of("alice")).extracting(SandboxAccessKey::accessKeyId)
			.containsExactly(SandboxAccount.ALICE_ACCESS_KEY_ID);
	}

	@Test
	void newKeyIsInvalidClientTokenIdUntilItPropagatesAndTheCodeIsNotSpent() {
		String serial = account.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		account.keyPropagationDelay(Duration.ofMillis(1500));
		AccessKey key = createFor("alice");
		StsClient sts = this.clients.sts(key.accessKeyId(), key.secretAccessKey());
		String code = account.devices().freshCode(serial);
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> sts.getSessionToken((request) -> request.serialNumber(serial).tokenCode(code)))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
			});
		Instant usable = account.accessKeys().of("alice").get(1).usableFrom();
		assertThat(usable).isAfterOrEqualTo(key.createDate().plusMillis(1000));
		await().atMost(Duration.ofSeconds(5)).until(() -> !Instant.now().isBefore(usable));
		assertThat(sts.getSessionToken((request) -> request.serialNumber(serial).tokenCode(code)).credentials()
			.accessKeyId()).startsWith("ASIA");
	}

	@Test
	void sessionStaysValidAfterTheKeyThatCreatedItIsDeleted() {
		String serial = account.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		AccessKey key = createFor("alice");
		Credentials session = session(this.clients.sts(key.accessKeyId(), key.secretAccessKey()), serial);
		assertThat(account.accessKeys().sessionSourceKey(session.accessKeyId())).contains(key.accessKeyId());
		this.iam.deleteAccessKey((request) -> request.userName("alice").accessKeyId(key.accessKeyId()));
		assertThat(this.clients.sessionSts(session).getCallerIdentity().arn()).isEqualTo(account.userArn("alice"));
		assertThat(this.clients.sessionIam(session).listMFADevices((request) -> request.userName("alice")).mfaDevices())
			.hasSize(1);
	}

}
