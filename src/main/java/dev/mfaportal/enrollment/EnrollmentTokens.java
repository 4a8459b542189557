package dev.mfaportal.enrollment;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.enrollment.EnrollmentTokenException.Reason;
import dev.mfaportal.identity.Employee;

/**
 * Opens sealed enrollment tokens for the signed-in employee, auditing every refusal (S20, S22).
 */
class EnrollmentTokens {

	private final EnrollmentSeal seal;

	private final AuditLog audit;

	EnrollmentTokens(EnrollmentSeal seal, AuditLog audit) {
		this.seal = seal;
		this.audit = audit;
	}

	String seal(PendingEnrollment pending) {
		return this.seal.seal(pending);
	}

	/**
	 * @param action the audit action of the step that fails when the token is refused
	 * @throws NotYourDeviceException for another employee's token
	 * @throws EnrollmentException for an altered or expired token
	 */
	PendingEnrollment open(Employee employee, String token, String action) {
		try {
			return this.seal.unseal(token, employee);
		}
		catch (EnrollmentTokenException ex) {
			throw refused(employee, ex, action);
		}
	}

	/** The serial of the employee's own token, even expired: cancelling late is still cancelling. */
	String serialAllowingExpiry(Employee employee, String token, String action) {
		try {
			return this.seal.unseal(token, employee).serialNumber();
		}
		catch (EnrollmentTokenException ex) {
			if (ex.reason() == Reason.EXPIRED) {
				return ex.serialNumber();
			}
			throw refused(employee, ex, action);
		}
	}

	private RuntimeException refused(Employee employee, EnrollmentTokenException ex, String action) {
		if (ex.reason() == Reason.OTHER_EMPLOYEE) {
			this.audit.record(Audits.denied(employee, ex.serialNumber(), "enrollment-token-of-another-employee"));
			return new NotYourDeviceException();
		}
		String reason = (ex.reason() == Reason.EXPIRED) ? "token-expired" : "token-invalid";
		this.audit.record(Audits.failure(action, employee, ex.serialNumber(), reason));
		return EnrollmentException.startAgain("enrollment.token." + reason);
	}

}
