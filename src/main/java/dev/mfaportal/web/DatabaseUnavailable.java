package dev.mfaportal.web;

import dev.mfaportal.audit.AuditUnavailableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one list of failures that mean "PostgreSQL is not answering" (S29): they become a 503 page, never
 * a 500, wherever they surface (a controller, a view, or Spring Session's filter before MVC runs).
 * Anything else is left alone, so a real bug still shows as one.
 */
final class DatabaseUnavailable {

	/** Set on a request that was answered 503 because of the database; its error page must not need it. */
	static final String ATTRIBUTE = DatabaseUnavailable.class.getName();

	private DatabaseUnavailable() {
	}

	/**
	 * Whether the failure, or one of its causes, says the database could not be reached.
	 * {@code CannotGetJdbcConnectionException} (no connection within the pool's timeout) is a
	 * {@code DataAccessResourceFailureException}, as is a connection that broke mid-query (SQL state 08).
	 */
	static boolean causedBy(Throwable failure) {
		for (Throwable error = failure; error != null; error = (error.getCause() != error) ? error.getCause() : null) {
			if (error instanceof DataAccessResourceFailureException || error instanceof TransientDataAccessResourceException
					|| error instanceof CannotCreateTransactionException || error instanceof AuditUnavailableException) {
				return true;
			}
			// A rollback on a connection that just broke fails too, and replaces the failure that caused it.
			if (error instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causedBy(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/** The innermost cause, for one log line that says what happened without a stack trace. */
	static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
