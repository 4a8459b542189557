package dev.mfaportal.audit;

/**
 * The audit record could not be written, so whatever it describes must not happen (S21).
 */
public class AuditUnavailableException extends RuntimeException {

	public AuditUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
