package dev.mfaportal.enrollment;

/**
 * A sealed enrollment token was refused (S20).
 */
class EnrollmentTokenException extends RuntimeException {

	enum Reason {

		/** Not a token this portal sealed, or altered since. */
		TAMPERED,

		/** Sealed for another employee or IAM user. */
		OTHER_EMPLOYEE,

		/** Older than the token lifetime; the sweeper deletes its device. */
		EXPIRED

	}

	private final Reason reason;

	private final String serialNumber;

	EnrollmentTokenException(Reason reason, String serialNumber) {
		super("Enrollment token refused: " + reason);
		this.reason = reason;
		this.serialNumber = serialNumber;
	}

	Reason reason() {
		return this.reason;
	}

	/** The device the token names, when it could be read (other employee, expired); otherwise {@code null}. */
	String serialNumber() {
		return this.serialNumber;
	}

}
