package dev.mfaportal.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * For MockMvc tests of other modules: {@code .with(user("alice")).with(SignInSupport.recentSignIn())} makes
 * {@link RecentSignIn#isRecent()} true for that request, {@code staleSignIn()} makes it false (as
 * {@code user(...)} alone does, since it leaves no sign-in time in the session). Within identity, {@code
 * signInThroughForm} signs in the real way, through the login form.
 */
public final class SignInSupport {

	private SignInSupport() {
	}

	/** The password was entered just now. */
	public static RequestPostProcessor recentSignIn() {
		return passwordConfirmedAt(Instant.now());
	}

	/** The password was entered a day ago, far outside any re-authentication window. */
	public static RequestPostProcessor staleSignIn() {
		return passwordConfirmedAt(Instant.now().minus(Duration.ofDays(1)));
	}

	/** Signs in through the login form (demo password = user name); the session to use for later requests. */
	static MockHttpSession signInThroughForm(MockMvc mvc, String username) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").param("username", username).param("password", username).with(csrf())
			.session(session)).andExpect(redirectedUrl("/"));
		return session;
	}

	private static RequestPostProcessor passwordConfirmedAt(Instant at) {
		return (request) -> {
			request.getSession(true).setAttribute(SignInTimes.PASSWORD_CONFIRMED_AT, at);
			return request;
		};
	}

}
