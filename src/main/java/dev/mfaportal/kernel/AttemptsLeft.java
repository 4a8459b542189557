package dev.mfaportal.kernel;

import java.io.Serializable;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * How many wrong tries (passwords, one-time codes) are left before the limit pauses them, for the page that
 * answers a wrong try: {@code fragments/attempts.html} shows it as {@value #ATTRIBUTE}. The count is the lower
 * of the person's and their address's; at 0 the page says the pause has begun.
 *
 * @param left wrong tries left before the pause, never negative
 * @param pauseMinutes how long the pause lasts at most: the limit's window, in whole minutes (at least 1)
 */
// Serializable: it crosses a redirect in the session, which lives in PostgreSQL.
public record AttemptsLeft(int left, long pauseMinutes) implements Serializable {

	/** The page variable the fragment reads. */
	public static final String ATTRIBUTE = "attemptsLeft";

	public AttemptsLeft {
		left = Math.max(0, left);
		pauseMinutes = Math.max(1, pauseMinutes);
	}

	public static AttemptsLeft of(long left, Duration window) {
		return new AttemptsLeft((int) Math.min(left, Integer.MAX_VALUE), (window.toSeconds() + 59) / 60);
	}

	/**
	 * Tells the page of the current request: as a request attribute when the flow renders its page directly, and
	 * in the flash attributes when it redirects to it (MVC keeps them only for a redirect).
	 */
	public void showOnPage() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			request.setAttribute(ATTRIBUTE, this);
			if (RequestContextUtils.getFlashMapManager(request) != null) {
				RequestContextUtils.getOutputFlashMap(request).put(ATTRIBUTE, this);
			}
		}
	}

}
