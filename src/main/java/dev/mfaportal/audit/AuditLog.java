package dev.mfaportal.audit;

/**
 * The append-only audit log. {@link #record} writes synchronously, in its own transaction, before it
 * returns; a caller that must fail closed (S21) simply lets {@link AuditUnavailableException} stop it.
 */
public interface AuditLog {

	/**
	 * Appends the event, adding UTC time and, when called within an HTTP request, the source IP and user
	 * agent.
	 * @return the id of the new row
	 * @throws AuditUnavailableException when the row could not be written
	 */
	long record(AuditEvent event);

}
