package dev.mfaportal.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code portal.identity.oidc.iam-user}: how the rule reads claims, and that a mistyped rule stops start-up.
 */
class IamUserRuleTests {

	private static final Map<String, Object> CLAIMS = Map.of("preferred_username", "Alice.Example@Corp.example",
			"email", "alice@corp.example", "employee_id", "4711", "groups", List.of("a"));

	@Test
	void applyWhenOneClaimThenItsValue() {
		assertThat(IamUserRule.parse("{employee_id}").apply(CLAIMS)).contains("4711");
	}

	@Test
	void applyWhenTransformsThenAppliedInOrder() {
		assertThat(IamUserRule.parse("{email:local-part}").apply(CLAIMS)).contains("alice");
		assertThat(IamUserRule.parse("{preferred_username:local-part:lower}").apply(CLAIMS)).contains("alice.example");
	}

	@Test
	void applyWhenLiteralTextAroundThenKept() {
		assertThat(IamUserRule.parse("emp-{employee_id}-aws").apply(CLAIMS)).contains("emp-4711-aws");
	}

	@Test
	void applyWhenAClaimIsMissingBlankOrNotTextThenNoName() {
		assertThat(IamUserRule.parse("{upn}").apply(CLAIMS)).isEmpty();
		assertThat(IamUserRule.parse("{email}").apply(Map.of("email", " "))).isEmpty();
		assertThat(IamUserRule.parse("{groups}").apply(CLAIMS)).isEmpty();
	}

	@Test
	void parseWhenTheRuleIsMistypedThenRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> IamUserRule.parse("{email:domain}"))
			.withMessageContaining("portal.identity.oidc.iam-user")
			.withMessageContaining(":domain");
		assertThatIllegalArgumentException().isThrownBy(() -> IamUserRule.parse("{email")).withMessageContaining("'}'");
		assertThatIllegalArgumentException().isThrownBy(() -> IamUserRule.parse("alice"))
			.withMessageContaining("same IAM user");
		assertThatIllegalArgumentException().isThrownBy(() -> IamUserRule.parse("x{}")).withMessageContaining("{}");
	}

}
