package dev.mfaportal.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The security chain as a browser meets it: sign-in, sign-out, sessions, headers, roles (S7, S8, S10-S12,
 * S26). The demo accounts come from {@code src/test/resources/config/application.yml}.
 */
@WebMvcTest(controllers = { LoginController.class, ReauthenticationController.class })
@Import({ IdentityConfiguration.class, InMemorySignInThrottle.class, IdentityTestPages.class })
@RecordApplicationEvents
class SecurityConfigurationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Test
	void pageWhenUnauthenticatedThenRedirectsToLogin() throws Exception {
		this.mvc.perform(get("/whoami")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void loginPageWhenUnauthenticatedThenShowsForm() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sign-in\"")));
	}

	@Test
	void signInWhenPasswordRightThenSessionIdChangesAndSuccessIsPublished() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		this.mvc.perform(post("/login").param("username", "alice").param("password", "alice").with(csrf()).session(session))
			.andExpect(redirectedUrl("/"));
		assertThat(session.getId()).isNotEqualTo(before);
		assertThat(this.events.stream(AuthenticationSuccessEvent.class)).hasSize(1);
	}

	@Test
	void signInWhenPasswordWrongThenBackToFormAndFailureIsPublished() throws Exception {
		this.mvc.perform(post("/login").param("username", "alice").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.events.stream(AuthenticationFailureBadCredentialsEvent.class)).hasSize(1);
	}

	@Test
	void signInWhenCsrfTokenMissingThenForbidden() throws Exception {
		this.mvc.perform(post("/login").param("username", "alice").param("password", "alice"))
			.andExpect(status().isForbidden());
	}

	@Test
	void signInWhenContinueIsExternalThenLandsOnHome() throws Exception {
		for (String external : new String[] { "https://evil.example/", "//evil.example/x", "/\\evil.example",
				"http:/evil.example" }) {
			this.mvc.perform(post("/login").param("username", "bob").param("password", "bob")
				.param("continue", external).with(csrf())).andExpect(redirectedUrl("/"));
		}
	}

	@Test
	void signInWhenContinueIsLocalThenGoesThere() throws Exception {
		this.mvc.perform(post("/login").param("username", "bob").param("password", "bob")
			.param("continue", "/mfa?tab=1").with(csrf())).andExpect(redirectedUrl("/mfa?tab=1"));
	}

	@Test
	void signInWhenSavedRequestCameWithForeignHostThenKeepsOnlyThePath() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("https://evil.example/whoami").session(session)).andExpect(status().isFound());
		this.mvc.perform(post("/login").param("username", "bob").param("password", "bob").with(csrf()).session(session))
			.andExpect(redirectedUrl("/whoami"));
	}

	@Test
	void logoutWhenGetThenStillSignedIn() throws Exception {
		MockHttpSession session = signIn("alice");
		this.mvc.perform(get("/logout").session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/whoami").session(session)).andExpect(content().string("alice"));
	}

	@Test
	void logoutWhenCsrfTokenMissingThenForbiddenAndStillSignedIn() throws Exception {
		MockHttpSession session = signIn("alice");
		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/whoami").session(session)).andExpect(content().string("alice"));
	}

	@Test
	void logoutWhenPostedThenSessionInvalidatedAndCookieDeleted() throws Exception {
		MockHttpSession session = signIn("alice");
		this.mvc.perform(post("/logout").with(csrf()).session(session))
			.andExpect(redirectedUrl("/login?logout"))
			.andExpect(header().string("Set-Cookie", containsString("SESSION=;")))
			.andExpect(header().string("Set-Cookie", containsString("Max-Age=0")));
		assertThat(session.isInvalid()).isTrue();
		this.mvc.perform(get("/whoami").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void everyResponseCarriesSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().exists("Strict-Transport-Security"));
	}

	@Test
	void adminPageWhenPlainEmployeeThenForbiddenAndDenialIsPublished() throws Exception {
		MockHttpSession session = signIn("alice");
		this.mvc.perform(get("/admin/anything").session(session)).andExpect(status().isForbidden());
		assertThat(this.events.stream(AuthorizationDeniedEvent.class)).hasSize(1);
	}

	@Test
	void adminPageWhenAdminThenAllowed() throws Exception {
		this.mvc.perform(get("/admin/ping").session(signIn("admin"))).andExpect(content().string("pong"));
	}

	@Test
	void employeeParameterIsTheConfiguredAccount() throws Exception {
		this.mvc.perform(get("/employee").session(signIn("bob"))).andExpect(content().string("bob -> bob"));
	}

	@Test
	void employeeParameterWhenLoginUnknownThenForbidden() throws Exception {
		this.mvc.perform(get("/employee").with(user("mallory"))).andExpect(status().isForbidden());
	}

	@Test
	void sessionWhenOlderThanAbsoluteTimeoutThenEndedAndSentToSignIn() throws Exception {
		MockHttpSession session = signIn("alice");
		session.setAttribute(SignInTimes.SESSION_SIGNED_IN_AT, Instant.now().minus(12, ChronoUnit.HOURS).minusSeconds(1));
		this.mvc.perform(get("/whoami").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void sessionWhenYoungerThanAbsoluteTimeoutThenKept() throws Exception {
		MockHttpSession session = signIn("alice");
		session.setAttribute(SignInTimes.SESSION_SIGNED_IN_AT, Instant.now().minus(11, ChronoUnit.HOURS));
		this.mvc.perform(get("/whoami").session(session)).andExpect(content().string("alice"));
	}

	MockHttpSession signIn(String username) throws Exception {
		return SignInSupport.signInThroughForm(this.mvc, username);
	}

}
