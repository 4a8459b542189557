package dev.mfaportal.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.TestClock;
import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.idp.ProviderSignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company sign-in over real HTTP: the portal, the demo identity provider (Spring Authorization Server with its own
 * login page) and the sandbox AWS account; the whole authorization-code flow as a browser walks it (S39).
 */
class OidcSignInFlowTests extends OidcFlowSupport {

	@Autowired
	TestClock clock;

	PortalClient browser;

	ProviderSignIn signIn;

	@BeforeEach
	void freshBrowser() {
		this.browser = browser();
		this.signIn = new ProviderSignIn(this.browser);
	}

	@Test
	void signInWhenMappedThenHomeNamesTheIamUserFromTheEmailClaim() {
		Page home = this.signIn.signIn("alice");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.response().uri().getPath()).isEqualTo("/");
		assertThat(home.text("#iam-user")).isEqualTo("alice");
		assertThat(home.text("#signed-in-user")).isEqualTo("alice");
		assertThat(home.document().selectFirst("#mfa-missing")).isNull();
		assertThat(lastRow("signin.succeeded", "alice")).containsEntry("iam_user", "alice");
	}

	@Test
	void signInWhenDoneThenTheSessionKeepsNoTokenOfTheProvider() {
		this.signIn.signIn("bob");
		List<String> attributes = this.jdbc.sql("""
				SELECT a.attribute_name FROM spring_session s
				JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
				WHERE s.principal_name = 'bob'
				""").query(String.class).list();
		assertThat(attributes).contains("SPRING_SECURITY_CONTEXT")
			.noneMatch((name) -> name.contains("AuthorizedClient") || name.contains("AUTHORIZED_CLIENT"));
	}

	@Test
	void signInWhenTheLoginDiffersFromTheIamUserThenTheClaimRuleDecides() {
		Page home = this.signIn.signIn("admin");
		assertThat(home.text("#signed-in-user")).isEqualTo("admin");
		assertThat(home.text("#iam-user")).isEqualTo("it.admin");
	}

	@Test
	void signInButtonWhenFollowedThenTheRequestCarriesStateNonceAndPkce() {
		URI authorize = PortalClient.target(this.browser.get("/oauth2/authorization/demo"));
		Map<String, List<String>> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
		assertThat(authorize.toString()).startsWith(this.provider.issuer() + "/oauth2/authorize?");
		assertThat(query).containsKeys("state", "nonce", "code_challenge", "redirect_uri");
		assertThat(query.get("code_challenge_method")).containsExactly("S256");
		assertThat(query.get("client_id")).containsExactly(DemoIdentityProvider.CLIENT_ID);
	}

	@Test
	void signInPageWhenAProviderIsRegisteredThenOffersItBesideTheLocalForm() {
		Page login = this.browser.get("/login");
		assertThat(login.text("#sign-in-with-demo")).isEqualTo("Sign in with the demo identity provider");
		assertThat(login.document().selectFirst("form#sign-in")).isNotNull();
	}

	@Test
	void rolesWhenFromGroupsThenEachGetsItsPagesAndNoOther() {
		assertThat(statuses("auditor")).containsExactly(200, 200, 403, 403);
		assertThat(statuses("helpdesk")).containsExactly(403, 403, 200, 403);
		assertThat(statuses("admin")).containsExactly(200, 200, 200, 404);
		assertThat(statuses("alice")).containsExactly(403, 403, 403, 403);
	}

	/**
	 * For a fresh sign-in of {@code username}: the audit log, its CSV export, the help desk, and an address only
	 * an admin may ask for (404 then, as no page is there).
	 */
	List<Integer> statuses(String username) {
		PortalClient own = signedIn(username);
		return List.of(own.get("/admin/audit").status(), own.get("/admin/audit.csv").status(),
				own.get("/admin/employees/bob").status(), own.get("/admin/no-such-page").status());
	}

	@Test
	void signInWhenTheProviderSaysNoMfaThenThePersonMayLookButNotEnrollOrGetCredentials() {
		Page home = this.signIn.signIn("dave");
		assertThat(home.text("#iam-user")).isEqualTo("dave");
		assertThat(home.text("#mfa-missing")).contains("without multi-factor authentication");
		Page devices = this.browser.get("/mfa");
		assertThat(devices.status()).isEqualTo(200);
		assertThat(this.browser.submit(devices, "form#start-enrollment", Map.of()).status()).isEqualTo(403);
		String csrf = PortalClient.csrf(devices.document(), "form#start-enrollment");
		assertThat(this.browser.post("/credentials", Map.of("_csrf", csrf)).status()).isEqualTo(403);
		assertThat(this.sandbox.devices().of("dave")).isEmpty();
	}

	@Test
	void signInWhenDisabledAtTheProviderThenRefusedThereAtOnce() {
		this.signIn.signIn("bob");
		this.provider.disable("bob");
		PortalClient other = browser();
		ProviderSignIn again = new ProviderSignIn(other);
		Page answer = again.follow(other.submit(again.loginPage(), "form", Map.of("username", "bob", "password", "bob")),
				ProviderSignIn.CALLBACK_PATH);
		assertThat(answer.response().uri().toString()).startsWith(this.provider.issuer() + "/login?error");
		assertThat(signedOut(other)).isTrue();
	}

	@Test
	void sessionWhenOlderThanTheAbsoluteTimeoutThenEndsAlsoForACompanySignIn() {
		this.signIn.signIn("alice");
		assertThat(this.browser.get("/").status()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(12).plusMinutes(1));
		assertThat(this.browser.get("/").location()).endsWith("/login?expired");
	}

	Map<String, Object> lastRow(String action, String portalUser) {
		return this.jdbc.sql("""
				SELECT portal_user, iam_user, outcome, detail::text AS detail FROM audit_event
				WHERE action = :action AND portal_user = :portalUser ORDER BY id DESC LIMIT 1
				""").param("action", action).param("portalUser", portalUser).query().singleRow();
	}

}
