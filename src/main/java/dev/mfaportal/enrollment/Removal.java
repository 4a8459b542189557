package dev.mfaportal.enrollment;

import org.jspecify.annotations.Nullable;

/**
 * How a removal ended.
 *
 * @param outcome what happened to the device
 * @param problem what AWS said when a step failed, {@code null} otherwise
 */
public record Removal(Outcome outcome, @Nullable AwsProblem problem) {

	public enum Outcome {

		/** Deactivated and deleted. */
		REMOVED,

		/**
		 * Deactivated, so it no longer protects the user, but AWS did not delete it: it stays in the account,
		 * unassigned (under the portal's path the sweeper deletes it later).
		 */
		DEACTIVATED_NOT_DELETED,

		/** Not one of the user's devices; nothing was recorded or changed. */
		NOT_THEIRS,

		/** AWS could not list the user's devices, so nothing was tried. */
		NOT_CHECKED,

		/** Deactivating failed: nothing changed, or, when AWS did not answer, it is unclear whether it did. */
		NOT_REMOVED

	}

	static Removal of(Outcome outcome) {
		return new Removal(outcome, null);
	}

}
