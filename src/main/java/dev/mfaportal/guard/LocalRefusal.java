package dev.mfaportal.guard;

/**
 * Why a flow's own local check refused the codes before anything was claimed or sent to AWS.
 */
public interface LocalRefusal {

	/** The stable reason recorded in the audit log, e.g. {@code not-consecutive}. */
	String reason();

	/** Whether it counts towards the wrong-code limit (S14); a slip such as a phone's wrong clock does not. */
	default boolean countsAsWrongCode() {
		return false;
	}

	/** A refusal that is only its audit reason and never counts as a wrong code. */
	static LocalRefusal of(String reason) {
		return () -> reason;
	}

}
