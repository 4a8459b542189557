package dev.mfaportal.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portal.identity.oidc.required-acr} / {@code required-amr}: what counts as MFA at the provider.
 */
class IdpMfaTests {

	@Test
	void metByWhenNothingIsRequiredThenEverySignIn() {
		assertThat(new IdpMfa(Set.of(), Set.of()).metBy(Map.of())).isTrue();
	}

	@Test
	void metByWhenAnAmrIsRequiredThenOneOfThemMustBeListed() {
		IdpMfa mfa = new IdpMfa(Set.of(), Set.of("mfa", "hwk"));
		assertThat(mfa.metBy(Map.of("amr", List.of("pwd", "hwk")))).isTrue();
		assertThat(mfa.metBy(Map.of("amr", List.of("pwd")))).isFalse();
		assertThat(mfa.metBy(Map.of("amr", "mfa"))).as("not a list").isFalse();
		assertThat(mfa.metBy(Map.of())).isFalse();
	}

	@Test
	void metByWhenAnAcrIsRequiredThenTheTokensAcrMustBeOne() {
		IdpMfa mfa = new IdpMfa(Set.of("urn:example:mfa", "gold"), Set.of());
		assertThat(mfa.metBy(Map.of("acr", "gold"))).isTrue();
		assertThat(mfa.metBy(Map.of("acr", "1"))).isFalse();
	}

	@Test
	void metByWhenBothAreConfiguredThenEitherSuffices() {
		IdpMfa mfa = new IdpMfa(Set.of("gold"), Set.of("mfa"));
		assertThat(mfa.metBy(Map.of("acr", "gold"))).isTrue();
		assertThat(mfa.metBy(Map.of("amr", List.of("mfa")))).isTrue();
		assertThat(mfa.metBy(Map.of("acr", "silver", "amr", List.of("pwd")))).isFalse();
	}

}
