package dev.mfaportal.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.mfaportal.kernel.Leases;

/**
 * Leases shared by every portal instance (kernel's {@link Leases}, in {@code enrollment_lease}): activations for
 * one IAM user run one at a time, so two enrollments started at once end with at most one new enabled device
 * (S19), and only one instance sweeps at a time.
 */
@Component
class EnrollmentLocks {

	/** Longer than the AWS calls one lease covers (each has its own timeout), so a live holder keeps it. */
	static final Duration LEASE = Duration.ofMinutes(2);

	private final Leases leases;

	EnrollmentLocks(JdbcClient jdbc, Clock clock) {
		this.leases = new Leases(jdbc, clock, "enrollment_lease", LEASE);
	}

	/**
	 * Runs {@code action} holding the user's activation lease, waiting (without a connection) while another
	 * activation of theirs holds it.
	 * @return false when the lease stayed taken for a whole lease's time; {@code action} did not run
	 */
	boolean whileActivating(String iamUser, Runnable action) {
		return this.leases.waitingAtMost(LEASE, "activation " + iamUser, action);
	}

	/** Runs the sweep unless another instance is sweeping right now; then returns 0. */
	int ifNobodyElseSweeps(Supplier<Integer> sweep) {
		return this.leases.ifFree("sweeper", sweep).orElse(0);
	}

}
