package dev.mfaportal.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.idp.ProviderSignIn;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the portal refuses from a company sign-in (S39), each an ID token signed with the demo provider's real key
 * but tampered with, or an answer replayed: no session, the sign-in page says what to do, an audit row says why.
 */
class OidcRefusalFlowTests extends OidcFlowSupport {

	long auditMark;

	@BeforeEach
	void markTheAuditLog() {
		this.auditMark = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
	}

	@Test
	void idTokenWhenFromAnotherIssuerThenRefused() {
		assertRefused(tampered((claims) -> claims.issuer("http://127.0.0.1:1/another-issuer")), "failed",
				"invalid_id_token");
		assertThat(refusal().get("description")).asString().contains("iss=");
	}

	@Test
	void idTokenWhenForAnotherAudienceThenRefused() {
		assertRefused(tampered((claims) -> claims.audience(List.of("another-client")).claim("azp", "another-client")),
				"failed", "invalid_id_token");
		assertThat(refusal().get("description")).asString().contains("aud=");
	}

	@Test
	void idTokenWhenExpiredThenRefused() {
		Instant anHourAgo = Instant.now().minusSeconds(3600);
		assertRefused(tampered((claims) -> claims.issuedAt(anHourAgo.minusSeconds(600)).expiresAt(anHourAgo)), "failed",
				"invalid_id_token");
		assertThat(refusal().get("description")).asString().contains("expired");
	}

	@Test
	void idTokenWhenItCarriesTheNonceOfAnEarlierSignInThenRefused() {
		signedIn("alice");
		String earlier = this.provider.lastNonce();
		assertRefused(tampered((claims) -> claims.claim("nonce", earlier)), "failed", "invalid_nonce");
	}

	@Test
	void answerWhenReplayedInAnotherBrowserThenRefused() {
		ProviderSignIn victim = new ProviderSignIn(browser());
		URI callback = victim.atProvider(victim.loginPage(), "alice");
		PortalClient attacker = browser();
		assertRefused(new ProviderSignIn(attacker).landOn(callback), attacker, "failed",
				"authorization_request_not_found");
	}

	@Test
	void answerWhenUsedTwiceThenTheSecondTimeIsRefused() {
		PortalClient browser = browser();
		ProviderSignIn signIn = new ProviderSignIn(browser);
		URI callback = signIn.atProvider(signIn.loginPage(), "alice");
		assertThat(signIn.landOn(callback).response().uri().getPath()).isEqualTo("/");
		assertThat(signIn.landOn(callback).response().uri().getQuery()).isEqualTo("refused=failed");
		assertThat(refusal()).containsEntry("reason", "authorization_request_not_found");
	}

	@Test
	void claimWhenTheIamUserRuleReadsItIsMissingThenNotMapped() {
		assertRefused(tampered((claims) -> claims.claims((all) -> all.remove("email"))), "not-mapped",
				"iam_user_claim_missing");
	}

	@Test
	void iamUserWhenItDoesNotExistThenNotMapped() {
		assertRefused(tampered((claims) -> claims.claim("email", "nobody-here@example.com")), "not-mapped",
				"iam_user_not_found");
		assertThat(refusal()).containsEntry("iam_user", "nobody-here");
	}

	@Test
	void iamUserWhenOutsideTheAllowedPathThenNotMapped() {
		PortalClient browser = browser();
		assertRefused(new ProviderSignIn(browser).signIn("carol"), browser, "not-mapped", "iam_user_outside_path");
		assertThat(refusal()).containsEntry("portal_user", "carol").containsEntry("iam_user", "carol");
	}

	PortalClient tamperedBrowser;

	/** Signs in as alice in a fresh browser, the provider tampering with the ID token it issues. */
	Page tampered(Consumer<JwtClaimsSet.Builder> tamper) {
		this.tamperedBrowser = browser();
		ProviderSignIn signIn = new ProviderSignIn(this.tamperedBrowser);
		Page login = signIn.loginPage();
		this.provider.tamperWithNextIdToken(tamper);
		return signIn.landOn(signIn.atProvider(login, "alice"));
	}

	void assertRefused(Page landed, String page, String reason) {
		assertRefused(landed, this.tamperedBrowser, page, reason);
	}

	void assertRefused(Page landed, PortalClient browser, String page, String reason) {
		assertThat(landed.response().uri().getPath()).isEqualTo("/login");
		assertThat(landed.response().uri().getQuery()).isEqualTo("refused=" + page);
		assertThat(landed.text("#sign-in-refused")).isNotBlank();
		assertThat(signedOut(browser)).as("not signed in").isTrue();
		assertThat(refusal()).containsEntry("reason", reason)
			.containsEntry("outcome", "DENIED")
			.containsEntry("provider", DemoIdentityProvider.REGISTRATION_ID);
	}

	/** The one refusal recorded since the test began. */
	Map<String, Object> refusal() {
		return this.jdbc.sql("""
				SELECT portal_user, iam_user, outcome, detail->>'reason' AS reason, detail->>'provider' AS provider,
				detail->>'description' AS description FROM audit_event WHERE action = 'signin.refused' AND id > :mark
				""").param("mark", this.auditMark).query().singleRow();
	}

}
