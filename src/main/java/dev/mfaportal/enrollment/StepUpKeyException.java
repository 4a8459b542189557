package dev.mfaportal.enrollment;

/**
 * No key to sign the step-up check with; {@link #reason()} is the audit reason and, after
 * {@code enrollment.step-up.}, the key of what the employee is told.
 */
public class StepUpKeyException extends RuntimeException {

	private final String reason;

	public StepUpKeyException(String reason) {
		super(reason);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
