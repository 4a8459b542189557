package dev.mfaportal.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sandbox's customer-managed policy calls (GetPolicy, versions, their limits), driven through the real
 * SDK client with the portal's own identity.
 */
class SandboxPolicyVersionTests {

	private static final String ARN = SandboxAccount.REVOKED_SESSIONS_POLICY_ARN;

	private static final SandboxAccount account = SandboxAccount.start();

	private final IamClient iam = new SandboxClients(account).portalIam();

	@BeforeEach
	void reset() {
		account.reset();
	}

	@AfterAll
	static void stop() {
		account.close();
	}

	private PolicyVersion create(String document, boolean setAsDefault) {
		return this.iam.createPolicyVersion(
				(request) -> request.policyArn(ARN).policyDocument(document).setAsDefault(setAsDefault))
			.policyVersion();
	}

	private static String deny(String user) {
		return SandboxRevocationTests.denyBefore(user, Instant.parse("2026-03-01T10:00:00Z"));
	}

	@Test
	void getPolicyReportsTheDefaultVersionAndTheGroupAttachment() {
		Policy policy = this.iam.getPolicy((request) -> request.policyArn(ARN)).policy();
		assertThat(policy.arn()).isEqualTo(ARN);
		assertThat(policy.policyName()).isEqualTo("mfa-portal-revoked-sessions");
		assertThat(policy.path()).isEqualTo("/mfa-portal/");
		assertThat(policy.policyId()).startsWith("ANPA");
		assertThat(policy.defaultVersionId()).isEqualTo("v1");
		assertThat(policy.attachmentCount()).isEqualTo(1);
		assertThat(policy.isAttachable()).isTrue();
		assertThat(account.policies().groupMembers(SandboxAccount.EMPLOYEES_GROUP)).contains("alice", "bob");
	}

	@Test
	void getPolicyVersionReturnsTheDocumentUrlEncodedAsSent() {
		String document = "{\"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\":\"Deny\",\"Action\":\"*\","
				+ "\"Resource\":\"*\"}}";
		String id = create(document, false).versionId();
		PolicyVersion version = this.iam.getPolicyVersion((request) -> request.policyArn(ARN).versionId(id))
			.policyVersion();
		assertThat(version.document()).startsWith("%7B%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20");
		assertThat(URLDecoder.decode(version.document(), StandardCharsets.UTF_8)).isEqualTo(document);
		assertThat(version.isDefaultVersion()).isFalse();
	}

	@Test
	void createWithSetAsDefaultMovesTheDefaultAndListsNewestFirstWithoutDocuments() {
		PolicyVersion created = create(deny("alice"), true);
		assertThat(created.versionId()).isEqualTo("v2");
		assertThat(created.isDefaultVersion()).isTrue();
		assertThat(created.document()).isNull();
		assertThat(this.iam.getPolicy((request) -> request.policyArn(ARN)).policy().defaultVersionId()).isEqualTo("v2");
		assertThat(this.iam.listPolicyVersions((request) -> request.policyArn(ARN)).versions())
			.extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion, PolicyVersion::document)
			.containsExactly(tuple("v2", true, null), tuple("v1", false, null));
		assertThat(account.policies().defaultDocument(ARN)).isEqualTo(deny("alice"));
	}

	@Test
	void sixthVersionIsLimitExceeded() {
		IntStream.range(0, 4).forEach((i) -> create(deny("user" + i), true));
		assertThatExceptionOfType(LimitExceededException.class).isThrownBy(() -> create(deny("alice"), true))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(409);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("A managed policy can have up to 5 versions. "
						+ "Before you create a new version, you must delete an existing version.");
			});
		assertThat(account.policies().versionIds(ARN)).containsExactly("v1", "v2", "v3", "v4", "v5");
	}

	@Test
	void documentOver6144CharactersIsLimitExceededWhileWhiteSpaceIsNotCounted() {
		String statement = "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
				+ "{\"StringEquals\":{\"aws:username\":\"user-%03d\"}}}";
		String tooLarge = policy(IntStream.range(0, 70).mapToObj(statement::formatted).collect(Collectors.joining(",")));
		assertThat(PolicyDocument.size(tooLarge)).isGreaterThan(6144);
		assertThatExceptionOfType(LimitExceededException.class).isThrownBy(() -> create(tooLarge, true))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Cannot exceed quota for PolicySize: 6144"));
		String spacious = policy(IntStream.range(0, 50)
			.mapToObj((i) -> statement.formatted(i) + " ".repeat(100))
			.collect(Collectors.joining(",\n")));
		assertThat(spacious.length()).isGreaterThan(6144);
		assertThat(create(spacious, true).versionId()).isEqualTo("v2");
	}

	private static String policy(String statements) {
		return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
	}

	@Test
	void documentThatIsNoPolicyIsMalformedPolicyDocument() {
		for (String document : new String[] { "not json", "{\"Version\":\"2012-10-17\"}",
				"{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}]}" }) {
			assertThatExceptionOfType(MalformedPolicyDocumentException.class).isThrownBy(() -> create(document, true))
				.satisfies((ex) -> {
					assertThat(ex.statusCode()).isEqualTo(400);
					assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Syntax errors in policy.");
				});
		}
		assertThat(account.policies().versionIds(ARN)).containsExactly("v1");
	}

	@Test
	void defaultVersionCannotBeDeletedOthersCanAndTheirIdsAreNotReused() {
		create(deny("alice"), true);
		assertThatExceptionOfType(DeleteConflictException.class)
			.isThrownBy(() -> this.iam.deletePolicyVersion((request) -> request.policyArn(ARN).versionId("v2")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(409);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete the default version of a policy.");
			});
		this.iam.deletePolicyVersion((request) -> request.policyArn(ARN).versionId("v1"));
		assertThat(create(deny("bob"), false).versionId()).isEqualTo("v3");
		assertThat(account.policies().versionIds(ARN)).containsExactly("v2", "v3");
		this.iam.setDefaultPolicyVersion((request) -> request.policyArn(ARN).versionId("v3"));
		assertThat(account.policies().defaultVersionId(ARN)).isEqualTo("v3");
	}

	@Test
	void unknownPolicyOrVersionIsNoSuchEntity() {
		assertThatExceptionOfType(NoSuchEntityException.class)
			.isThrownBy(() -> this.iam.getPolicy((request) -> request.policyArn("arn:aws:iam::123456789012:policy/nothing")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("Policy arn:aws:iam::123456789012:policy/nothing was not found.");
			});
		assertThatExceptionOfType(NoSuchEntityException.class)
			.isThrownBy(() -> this.iam.getPolicyVersion((request) -> request.policyArn(ARN).versionId("v9")));
	}

}
