package dev.mfaportal.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For MockMvc tests of other modules: {@code .with(user("alice")).with(SignInSupport.recentSignIn())} makes
 * {@link RecentSignIn#isRecent()} true for that request, {@code staleSignIn()} makes it false (as
 * {@code user(...)} alone does, since it leaves no sign-in time in the session).
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

	private static RequestPostProcessor passwordConfirmedAt(Instant at) {
		return (request) -> {
			request.getSession(true).setAttribute(SignInTimes.PASSWORD_CONFIRMED_AT, at);
			return request;
		};
	}

}
