package dev.mfaportal.enrollment;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL advisory locks shared by every portal instance: activations for one IAM user run one at a
 * time, so two enrollments started at once end with at most one new enabled device (S19), and only one
 * instance sweeps at a time. Each lock is held for one transaction, which ends even if the instance dies.
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

	/** Runs the sweep unless another instance is sweeping right now; then returns 0. */
	int ifNobodyElseSweeps(Supplier<Integer> sweep) {
		Integer swept = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('mfa-portal sweeper'))")
				.query(Boolean.class)
				.single();
			return Boolean.TRUE.equals(locked) ? sweep.get() : 0;
		});
		return (swept != null) ? swept : 0;
	}

}
