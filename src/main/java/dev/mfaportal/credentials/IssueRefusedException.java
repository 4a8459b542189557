package dev.mfaportal.credentials;

/**
 * No credentials were issued, for a reason the employee is told ({@link Refusal}); the refusal has been
 * audited already, unless it is {@link Refusal#AUDIT_UNAVAILABLE}.
 */
class IssueRefusedException extends RuntimeException {

	private final Refusal refusal;

	private final transient Object[] arguments;

	IssueRefusedException(Refusal refusal, Throwable cause, Object... arguments) {
		super(refusal.name(), cause);
		this.refusal = refusal;
		this.arguments = arguments;
	}

	Refusal refusal() {
		return this.refusal;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
