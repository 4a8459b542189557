package dev.mfaportal.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether the employee of the current request proved their password recently enough for a sensitive
 * action (removing an MFA device, for instance). When not, send them to
 * {@link #reauthenticationUrl(String)} and they come back to the given path afterwards.
 */
public class RecentSignIn {

	private final Duration window;

	private final Clock clock;

	RecentSignIn(Duration window, Clock clock) {
		this.window = window;
		this.clock = clock;
	}

	/** True when the password was entered (sign-in or re-authentication) within the configured window. */
	public boolean isRecent() {
		Instant confirmedAt = SignInTimes.passwordConfirmedAt(currentSession());
		return confirmedAt != null && !confirmedAt.plus(this.window).isBefore(this.clock.instant());
	}

	/**
	 * Where to send the employee to confirm their password; {@code continuePath} must be a path on the
	 * portal (anything else leads back to the home page).
	 */
	public String reauthenticationUrl(String continuePath) {
		// Slashes as they are: this URL itself is a "continue to" target after a company sign-in (the saved
		// request), and encoded slashes are refused there.
		return "/reauthenticate?continue="
				+ URLEncoder.encode(LocalPaths.orHome(continuePath), StandardCharsets.UTF_8).replace("%2F", "/");
	}

	private static HttpSession currentSession() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getSession(false);
		}
		return null;
	}

}
