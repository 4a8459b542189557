package dev.mfaportal.audit;

import java.time.Instant;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * When an IAM user last used the portal, as the audit log records it; {@code null} for never.
 *
 * @param signedIn the last successful sign-in mapped to the IAM user
 * @param enrolled the last MFA device activated through the portal
 * @param issued the last session credentials issued through the portal
 */
public record LastActivity(@Nullable Instant signedIn, @Nullable Instant enrolled, @Nullable Instant issued) {

	public static final LastActivity NEVER = new LastActivity(null, null, null);

	/** The latest of the three, or {@code null} when the portal has never seen the user. */
	public @Nullable Instant latest() {
		return Stream.of(this.signedIn, this.enrolled, this.issued)
			.filter((at) -> at != null)
			.max(Instant::compareTo)
			.orElse(null);
	}

}
