package dev.mfaportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AccessKeys;
import dev.mfaportal.aws.AwsCallException;

/**
 * No minted key left behind (S40): deletes every minted key older than its TTL that is still open in the ledger
 * (its form never came back, or DeleteAccessKey failed), and finds the keys created but never recorded (the
 * portal stopped between CreateAccessKey and writing the key id): for a user with such an intent row,
 * {@code ListAccessKeys} shows a key the ledger does not know, created within moments of the intent. Keys
 * created at any other time are the employee's own and are left alone.
 */
class MintedKeyReconciler {

	static final String RECONCILED = "credentials.key-reconciled";

	/** How long after the intent row CreateAccessKey can have created its key: the longest AWS call, and more. */
	static final Duration CREATE_WINDOW = Duration.ofMinutes(1);

	// The intent row is written just before the call, but AWS's clock and the portal's may differ a little.
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(MintedKeyReconciler.class);

	private final MintedKeyLedger ledger;

	private final MintedKeys minted;

	private final AccessKeys keys;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration ttl;

	MintedKeyReconciler(MintedKeyLedger ledger, MintedKeys minted, AccessKeys keys, AuditLog audit, Clock clock,
			Duration ttl) {
		this.ledger = ledger;
		this.minted = minted;
		this.keys = keys;
		this.audit = audit;
		this.clock = clock;
		this.ttl = ttl;
	}

	@Scheduled(fixedDelayString = "${portal.credentials.reconcile-interval:1m}", initialDelayString = "30s")
	void scheduled() {
		try {
			reconcile();
		}
		catch (RuntimeException ex) {
			logger.warn("Minted-key reconciliation did not finish; the next run retries: {}", ex.toString());
		}
	}

	/** @return how many keys it deleted */
	int reconcile() {
		int deleted = 0;
		for (MintedKeyLedger.Open open : this.ledger.openBefore(this.clock.instant().minus(this.ttl))) {
			try {
				deleted += reconcile(open);
			}
			catch (AwsCallException ex) {
				logger.warn("Could not reconcile minted key row {} of {}: {}", open.id(), open.iamUser(), ex.getMessage());
			}
		}
		return deleted;
	}

	private int reconcile(MintedKeyLedger.Open open) {
		if (open.accessKeyId().isPresent()) {
			return this.minted.delete(open.portalUser(), open.iamUser(), open.accessKeyId().get(), "expired") ? 1 : 0;
		}
		int deleted = 0;
		Instant from = open.intendedAt().minus(CLOCK_SKEW);
		Instant to = open.intendedAt().plus(CREATE_WINDOW);
		List<AccessKeys.Listed> unrecorded = this.keys.list(open.iamUser())
			.stream()
			.filter((key) -> !key.createDate().isBefore(from) && !key.createDate().isAfter(to))
			.filter((key) -> !this.ledger.isKnown(key.accessKeyId()))
			.toList();
		// One intent creates at most one key: with two candidates, the other may be the employee's own.
		if (unrecorded.size() == 1) {
			AccessKeys.Listed key = unrecorded.get(0);
			this.ledger.created(open.id(), key.accessKeyId(), key.createDate());
			this.audit.record(AuditEvent.of(RECONCILED, AuditOutcome.SUCCESS)
				.portalUser(open.portalUser())
				.iamUser(open.iamUser())
				.accessKeyId(key.accessKeyId())
				.detail("reason", "created-but-not-recorded"));
			deleted += this.minted.delete(open.portalUser(), open.iamUser(), key.accessKeyId(), "unrecorded") ? 1 : 0;
		}
		else {
			this.ledger.abandoned(open.id(), this.clock.instant());
		}
		return deleted;
	}

}
