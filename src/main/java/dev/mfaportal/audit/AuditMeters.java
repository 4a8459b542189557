package dev.mfaportal.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The portal's business meters, counted in one place: every audit row that was written. A flow states what
 * happened once, in its audit event, and the meters follow from it, so a counter cannot say an issuance
 * happened that the audit log does not hold. The audit log's own write latency and failures are timed here
 * too. Tag values are the audit log's words: outcome {@code success}/{@code failure}/{@code denied}, the
 * row's {@code reason} detail ({@code none} when it has none).
 */
@Component
class AuditMeters {

	/** The rows that end an enrollment attempt; {@code enrollment.started} etc. are steps, not outcomes. */
	private static final Set<String> ENROLLMENT_ENDS = Set.of("enrollment.activated", "enrollment.activation-failed",
			"enrollment.start-failed");

	/** The rows that end an issuance; {@code credentials.requested} is written before the AWS call. */
	private static final Set<String> ISSUANCE_ENDS = Set.of("credentials.issued", "credentials.failed",
			"credentials.denied");

	/** What Spring Security names the refusal of a sign-in while the account is locked. */
	private static final String SIGN_IN_LOCKED = "LockedException";

	/** The reason of a code attempt refused by the wrong-code limit; its row's {@code scope} says which. */
	private static final String TOO_MANY_ATTEMPTS = "too-many-attempts";

	private static final String NONE = "none";

	/** The reasons of the minted-key deletions the reconciler makes (a key expired unused, or never recorded). */
	private static final Set<String> RECONCILER_DELETIONS = Set.of("expired", "unrecorded");

	private final MeterRegistry registry;

	private final Timer writes;

	private final Counter failures;

	AuditMeters(MeterRegistry registry) {
		this.registry = registry;
		this.writes = Timer.builder("mfa.portal.audit.writes")
			.description("Time to append one audit row, the chain lock included")
			.register(registry);
		this.failures = Counter.builder("mfa.portal.audit.failures")
			.description("Audit rows that could not be written; the action they recorded was refused")
			.register(registry);
		Counter.builder("mfa.portal.sweeper.removed")
			.description("Devices of abandoned enrollments the sweeper deleted")
			.register(registry);
		Counter.builder("mfa.portal.reconciler.removed")
			.description("Portal-minted access keys the reconciler deleted (expired unused, or created but not recorded)")
			.register(registry);
	}

	/** Times {@code write}, counts a failure if it throws, and counts what the row records if it returns. */
	long timed(AuditEvent event, Supplier<Long> write) {
		Timer.Sample sample = Timer.start(this.registry);
		try {
			long id = write.get();
			sample.stop(this.writes);
			recorded(event);
			return id;
		}
		catch (RuntimeException ex) {
			sample.stop(this.writes);
			this.failures.increment();
			throw ex;
		}
	}

	/** A refusal counted into its source's row of the minute (S43): the meters still count each one. */
	void counted(AuditEvent event) {
		recorded(event);
	}

	private void recorded(AuditEvent event) {
		String outcome = event.outcome().name().toLowerCase(Locale.ROOT);
		String reason = event.detail().getOrDefault("reason", NONE);
		if (ENROLLMENT_ENDS.contains(event.action())) {
			count("mfa.portal.enrollments", "Enrollments ended, by outcome and reason",
					Map.of("outcome", outcome, "reason", reason));
		}
		else if (ISSUANCE_ENDS.contains(event.action())) {
			count("mfa.portal.issuances", "Credential issuances ended, by outcome, reason and whose key was used",
					Map.of("outcome", outcome, "reason", reason, "key_source",
							event.detail().getOrDefault("keySource", "employee")));
		}
		else if ("enrollment.swept".equals(event.action()) && event.outcome() == AuditOutcome.SUCCESS) {
			this.registry.counter("mfa.portal.sweeper.removed").increment();
		}
		else if ("credentials.key-deleted".equals(event.action()) && event.outcome() == AuditOutcome.SUCCESS
				&& RECONCILER_DELETIONS.contains(reason)) {
			this.registry.counter("mfa.portal.reconciler.removed").increment();
		}
		if ("signin.failed".equals(event.action()) && SIGN_IN_LOCKED.equals(reason)) {
			lockout("sign-in");
		}
		else if (TOO_MANY_ATTEMPTS.equals(reason)) {
			lockout(event.detail().getOrDefault("scope", NONE));
		}
	}

	private void lockout(String scope) {
		count("mfa.portal.guard.lockouts", "Attempts refused because a limit was reached, by scope",
				Map.of("scope", scope));
	}

	private void count(String name, String description, Map<String, String> tags) {
		Counter.Builder counter = Counter.builder(name).description(description);
		tags.forEach(counter::tag);
		counter.register(this.registry).increment();
	}

}
