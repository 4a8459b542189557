package dev.mfaportal.enrollment;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises activations for one IAM user across every portal instance with a PostgreSQL advisory lock,
 * so two enrollments started at once end with at most one new enabled device (S19). The lock is held for
 * one transaction, which ends even if the instance dies.
 */
@Component
class EnrollmentLocks {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	EnrollmentLocks(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	<T> T whileActivating(String iamUser, Supplier<T> action) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
				.param("key", "mfa-portal activation " + iamUser)
				.query((rs) -> {
				});
			return action.get();
		});
	}

}
