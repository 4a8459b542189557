package dev.mfaportal.identity;

import java.time.Instant;

import jakarta.servlet.http.HttpSession;

/**
 * The two instants identity keeps in the HTTP session: when the session was signed in (for the absolute
 * timeout, never refreshed) and when the employee last proved their password (for re-authentication).
 */
final class SignInTimes {

	static final String SESSION_SIGNED_IN_AT = SignInTimes.class.getName() + ".sessionSignedInAt";

	static final String PASSWORD_CONFIRMED_AT = SignInTimes.class.getName() + ".passwordConfirmedAt";

	private SignInTimes() {
	}

	static void signedIn(HttpSession session, Instant now) {
		session.setAttribute(SESSION_SIGNED_IN_AT, now);
		session.setAttribute(PASSWORD_CONFIRMED_AT, now);
	}

	static void passwordConfirmed(HttpSession session, Instant now) {
		session.setAttribute(PASSWORD_CONFIRMED_AT, now);
	}

	static Instant sessionSignedInAt(HttpSession session) {
		return (session != null) ? (Instant) session.getAttribute(SESSION_SIGNED_IN_AT) : null;
	}

	static Instant passwordConfirmedAt(HttpSession session) {
		return (session != null) ? (Instant) session.getAttribute(PASSWORD_CONFIRMED_AT) : null;
	}

}
