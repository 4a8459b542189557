package dev.mfaportal.identity;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mfaportal.identity.IamUserLookup.IamUser;
import dev.mfaportal.identity.SignInRefusal.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one decision of which IAM user a company sign-in acts on (S39): the rule, IAM's answer, the path.
 */
class IamUserMappingTests {

	private final Map<String, IamUser> iam = Map.of("alice", new IamUser("alice", "/employees/"), "carol",
			new IamUser("carol", "/contractors/"), "bob", new IamUser("Bob", "/employees/engineering/"));

	private final IamUserLookup lookup = (name) -> Optional.ofNullable(this.iam.get(name.toLowerCase()));

	private final IamUserMapping mapping = new IamUserMapping(IamUserRule.parse("{email:local-part}"), "/employees/",
			this.lookup);

	@Test
	void mapWhenTheUserExistsUnderThePathThenThatUserAsIamSpellsIt() {
		assertThat(this.mapping.map(Map.of("email", "alice@example.com"), "alice").name()).isEqualTo("alice");
		assertThat(this.mapping.map(Map.of("email", "bob@example.com"), "bob").name()).isEqualTo("Bob");
	}

	@Test
	void mapWhenNoPathIsRequiredThenAnyPath() {
		IamUserMapping anyPath = new IamUserMapping(IamUserRule.parse("{email:local-part}"), null, this.lookup);
		assertThat(anyPath.map(Map.of("email", "carol@contractor.example"), "carol").path()).isEqualTo("/contractors/");
	}

	@Test
	void mapWhenRefusedThenTheReasonAndWhatTheClaimsNamed() {
		assertRefused(Map.of("name", "Alice"), Reason.MISSING_CLAIM, null);
		assertRefused(Map.of("email", "al ice@example.com"), Reason.INVALID_NAME, null);
		assertRefused(Map.of("email", "nobody@example.com"), Reason.NO_SUCH_IAM_USER, "nobody");
		assertRefused(Map.of("email", "carol@contractor.example"), Reason.OUTSIDE_IAM_PATH, "carol");
	}

	@Test
	void mapWhenIamCannotAnswerThenRefusedToBeTriedAgain() {
		IamUserMapping unavailable = new IamUserMapping(IamUserRule.parse("{email:local-part}"), "/employees/",
				(name) -> {
					throw new IamLookupFailedException("GetUser failed: AWS did not answer", null);
				});
		assertThatExceptionOfType(SignInRefusal.class)
			.isThrownBy(() -> unavailable.map(Map.of("email", "alice@example.com"), "alice"))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.IAM_UNAVAILABLE));
	}

	void assertRefused(Map<String, Object> claims, Reason reason, String iamUser) {
		assertThatExceptionOfType(SignInRefusal.class).isThrownBy(() -> this.mapping.map(claims, "someone"))
			.satisfies((refusal) -> {
				assertThat(refusal.reason()).isEqualTo(reason);
				assertThat(refusal.iamUser()).isEqualTo(iamUser);
				assertThat(refusal.username()).isEqualTo("someone");
				assertThat(refusal.getError().getErrorCode()).isEqualTo(reason.code);
			});
	}

}
