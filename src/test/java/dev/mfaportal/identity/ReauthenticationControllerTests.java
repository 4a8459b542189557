package dev.mfaportal.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Re-authentication before sensitive actions: {@link RecentSignIn} and {@code /reauthenticate}.
 */
@WebMvcTest(controllers = { LoginController.class, ReauthenticationController.class })
@Import({ IdentityConfiguration.class, InMemorySignInThrottle.class, IdentityTestPages.class })
@RecordApplicationEvents
class ReauthenticationControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Test
	void recentWhenJustSignedInThenTrue() throws Exception {
		this.mvc.perform(get("/recent").session(signIn("alice"))).andExpect(content().string("true"));
	}

	@Test
	void recentWhenPasswordOlderThanWindowThenFalse() throws Exception {
		MockHttpSession session = signIn("alice");
		session.setAttribute(SignInTimes.PASSWORD_CONFIRMED_AT, Instant.now().minus(11, ChronoUnit.MINUTES));
		this.mvc.perform(get("/recent").session(session)).andExpect(content().string("false"));
	}

	@Test
	void signInSupportMarksAMockMvcRequestRecentOrStale() throws Exception {
		this.mvc.perform(get("/recent").with(user("alice")).with(SignInSupport.recentSignIn()))
			.andExpect(content().string("true"));
		this.mvc.perform(get("/recent").with(user("alice")).with(SignInSupport.staleSignIn()))
			.andExpect(content().string("false"));
		this.mvc.perform(get("/recent").with(user("alice"))).andExpect(content().string("false"));
	}

	@Test
	void formShowsTheSignedInUserAndAPasswordField() throws Exception {
		this.mvc.perform(get("/reauthenticate").param("continue", "/mfa").session(signIn("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"alice\"")))
			.andExpect(content().string(containsString("value=\"/mfa\"")))
			.andExpect(content().string(containsString("type=\"password\"")));
	}

	@Test
	void formWhenContinueIsExternalThenContinuesHome() throws Exception {
		this.mvc.perform(get("/reauthenticate").param("continue", "https://evil.example/").session(signIn("alice")))
			.andExpect(content().string(not(containsString("evil.example"))))
			.andExpect(content().string(containsString("name=\"continue\" value=\"/\"")));
	}

	@Test
	void confirmWhenPasswordRightThenRecentAgainAndContinuesAndEventIsPublished() throws Exception {
		MockHttpSession session = staleSignIn("alice");
		String before = session.getId();
		this.mvc.perform(post("/reauthenticate").param("password", "alice").param("continue", "/mfa/remove?serial=x")
			.with(csrf()).session(session)).andExpect(redirectedUrl("/mfa/remove?serial=x"));
		assertThat(session.getId()).isNotEqualTo(before);
		assertThat(this.events.stream(ReauthenticatedEvent.class)).singleElement()
			.extracting(ReauthenticatedEvent::username).isEqualTo("alice");
		this.mvc.perform(get("/recent").session(session)).andExpect(content().string("true"));
	}

	@Test
	void confirmWhenContinueIsExternalThenLandsOnHome() throws Exception {
		this.mvc.perform(post("/reauthenticate").param("password", "alice").param("continue", "//evil.example")
			.with(csrf()).session(signIn("alice"))).andExpect(redirectedUrl("/"));
	}

	@Test
	void confirmWhenPasswordWrongThenFormErrorFailureEventAndStillNotRecent() throws Exception {
		MockHttpSession session = staleSignIn("alice");
		this.mvc.perform(post("/reauthenticate").param("password", "bob").param("continue", "/mfa")
			.with(csrf()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(not(containsString("value=\"bob\""))));
		assertThat(this.events.stream(AuthenticationFailureBadCredentialsEvent.class)).singleElement()
			.extracting((event) -> event.getAuthentication().getName()).isEqualTo("alice");
		assertThat(this.events.stream(ReauthenticatedEvent.class)).isEmpty();
		this.mvc.perform(get("/recent").session(session)).andExpect(content().string("false"));
	}

	@Test
	void confirmWhenCsrfTokenMissingThenForbidden() throws Exception {
		this.mvc.perform(post("/reauthenticate").param("password", "alice").session(signIn("alice")))
			.andExpect(status().isForbidden());
	}

	@Test
	void reauthenticationUrlKeepsOnlyLocalPaths() {
		RecentSignIn recent = new RecentSignIn(java.time.Duration.ofMinutes(10), java.time.Clock.systemUTC());
		assertThat(recent.reauthenticationUrl("/mfa/x?a=b")).isEqualTo("/reauthenticate?continue=/mfa/x%3Fa%3Db");
		assertThat(recent.reauthenticationUrl("https://evil.example")).isEqualTo("/reauthenticate?continue=/");
	}

	MockHttpSession staleSignIn(String username) throws Exception {
		MockHttpSession session = signIn(username);
		session.setAttribute(SignInTimes.PASSWORD_CONFIRMED_AT, Instant.now().minus(1, ChronoUnit.HOURS));
		return session;
	}

	MockHttpSession signIn(String username) throws Exception {
		return SignInSupport.signInThroughForm(this.mvc, username);
	}

}
