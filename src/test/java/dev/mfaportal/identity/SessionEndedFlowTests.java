package dev.mfaportal.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.idp.ProviderSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session that ends while the person is mid-way (idle timeout, a lost session row): the next page or form
 * sends them to sign in again with "your session ended", and the sign-in, local or at the identity provider,
 * leads back to the page they were on. A form is never replayed, and a GET of a form's address leads to its
 * page rather than "405".
 */
class SessionEndedFlowTests extends OidcFlowSupport {

	@Test
	void pageOpenedAfterTheSessionEndedThenSignInAgainLeadsBackToIt() {
		PortalClient browser = PortalClient.notFollowingRedirects(this.port).signIn("bob", "bob");
		endSession(browser);
		Page page = browser.get("/credentials?format=env");
		assertThat(page.location()).isEqualTo("/login?expired");
		Page login = browser.follow(page);
		assertThat(login.text("[role=status]")).isEqualTo("Your session ended. Sign in again to continue where you were.");
		Page signedIn = browser.submit(login, "form#sign-in", Map.of("username", "bob", "password", "bob"));
		assertThat(signedIn.location()).isEqualTo("/credentials?format=env");
	}

	@Test
	void formPostedAfterTheSessionEndedThenSignInAgainLeadsToItsPageAndTheFormIsNotReplayed() {
		PortalClient browser = PortalClient.notFollowingRedirects(this.port).signIn("bob", "bob");
		Page devices = browser.get("/mfa");
		int before = this.sandbox.devices().of("bob").size();
		endSession(browser);
		Page posted = browser.submit(devices, "form#start-enrollment", Map.of("label", "after-the-end"));
		assertThat(posted.location()).isEqualTo("/login?expired");
		Page signedIn = browser.submit(browser.follow(posted), "form#sign-in", Map.of("username", "bob", "password", "bob"));
		assertThat(signedIn.location()).isEqualTo("/mfa/enrollment");
		Page form = browser.follow(signedIn);
		assertThat(form.location()).isEqualTo("/mfa");
		assertThat(browser.follow(form).status()).isEqualTo(200);
		assertThat(this.sandbox.devices().of("bob")).hasSize(before);
	}

	@Test
	void formPostedAfterTheSessionEndedThenTheSavedPageKeepsNoneOfItsFields() {
		PortalClient browser = PortalClient.notFollowingRedirects(this.port).signIn("bob", "bob");
		Page credentials = browser.get("/credentials");
		endSession(browser);
		Page posted = browser.post("/credentials", Map.of("_csrf", "stale", "code", "123456"));
		assertThat(posted.location()).isEqualTo("/login?expired");
		String saved = this.jdbc.sql("""
				SELECT encode(a.attribute_bytes, 'escape') FROM spring_session_attributes a
				JOIN spring_session s ON s.primary_id = a.session_primary_id
				WHERE s.session_id = ? AND a.attribute_name = 'SPRING_SECURITY_SAVED_REQUEST'
				""").param(sessionId(browser)).query(String.class).single();
		assertThat(saved).contains("/credentials").doesNotContain("123456");
		assertThat(credentials.status()).isEqualTo(200);
	}

	@Test
	void pageOpenedAfterACompanySessionEndedThenTheProviderSignInLeadsBackToIt() {
		PortalClient browser = signedIn("alice");
		endSession(browser);
		Page page = browser.get("/credentials");
		assertThat(page.location()).isEqualTo("/login?expired");
		Page login = browser.follow(page);
		assertThat(login.text("[role=status]")).contains("Your session ended");
		ProviderSignIn again = new ProviderSignIn(browser);
		Page provider = again.loginPage();
		Page landed = provider.response().uri().getPath().equals("/credentials") ? provider
				: again.landOn(again.atProvider(provider, "alice"));
		assertThat(landed.status()).isEqualTo(200);
		assertThat(landed.response().uri().getPath()).isEqualTo("/credentials");
	}

	@Test
	void formAddressOpenedWithGetThenItsPage() {
		PortalClient browser = PortalClient.notFollowingRedirects(this.port).signIn("admin", "admin");
		assertThat(browser.get("/mfa/enrollment").location()).isEqualTo("/mfa");
		assertThat(browser.get("/mfa/enrollment/activate").location()).isEqualTo("/mfa");
		assertThat(browser.get("/mfa/enrollment/cancel").location()).isEqualTo("/mfa");
		assertThat(browser.get("/mfa/devices/resync").location()).isEqualTo("/mfa");
		assertThat(browser.get("/mfa/devices/remove").location()).isEqualTo("/mfa");
		assertThat(browser.get("/credentials/download").location()).isEqualTo("/credentials");
		assertThat(browser.get("/admin/coverage/refresh").location()).isEqualTo("/admin/coverage");
		assertThat(browser.get("/admin/employees/alice/devices/remove").location()).isEqualTo("/admin/employees/alice");
	}

	@Test
	void formAddressOpenedWithGetByTheHelpDeskThenTheEmployeesPage() {
		PortalClient browser = PortalClient.notFollowingRedirects(this.port).signIn("helpdesk", "helpdesk");
		assertThat(browser.get("/admin/employees/alice/devices/remove").location()).isEqualTo("/admin/employees/alice");
	}

	private void endSession(PortalClient browser) {
		int ended = this.jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(sessionId(browser)).update();
		assertThat(ended).isEqualTo(1);
	}

	private static String sessionId(PortalClient browser) {
		// Spring Session's cookie carries the session id in Base64.
		return new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
	}

}
