package dev.mfaportal.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.aws.AccessKeys;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.Sealer;
import dev.mfaportal.kernel.Secret;

/**
 * The portal-minted key source: a long-term key for the employee's own IAM user, created when the form is shown
 * (so that it propagates while they type), carried sealed in the form, used for one GetSessionToken and deleted.
 * Each key is in the ledger before it can leave this class (S40): the intent row, CreateAccessKey, the key id.
 * Keys the portal did not mint (the employee's own) are never touched.
 */
class MintedKeys {

	static final String MINTED = "credentials.key-minted";

	static final String DELETED = "credentials.key-deleted";

	static final String DELETE_FAILED = "credentials.key-delete-failed";

	private static final Logger logger = LoggerFactory.getLogger(MintedKeys.class);

	// A new layout of the sealed key gets a new purpose, so seals of the old one are refused, not misread.
	private static final String PURPOSE = "minted-key";

	private final AccessKeys keys;

	private final MintedKeyLedger ledger;

	private final Sealer sealer;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration ttl;

	MintedKeys(AccessKeys keys, MintedKeyLedger ledger, Sealer sealer, AuditLog audit, Clock clock, Duration ttl) {
		this.keys = keys;
		this.ledger = ledger;
		this.sealer = sealer;
		this.audit = audit;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Mints a key for the employee and seals it for this browser session; keys minted for the employee's
	 * earlier forms are deleted first, so reloading the page never reaches the two-key limit.
	 * @param binding what, besides the employee, the seal is bound to (their portal session)
	 * @throws AwsCallException when IAM refused (kind {@code LIMIT_EXCEEDED}: the employee's own two keys)
	 */
	String mint(Employee employee, String binding) {
		for (String earlier : this.ledger.openKeysOf(employee.iamUserName())) {
			delete(employee.username(), employee.iamUserName(), earlier, "replaced");
		}
		AccessKey key = mintRecorded(employee);
		byte[] sealed = (key.accessKeyId() + "\n" + key.secretAccessKey().reveal()).getBytes(StandardCharsets.UTF_8);
		return this.sealer.seal(PURPOSE, employee.username() + "\n" + binding, this.clock.instant().plus(this.ttl),
				sealed);
	}

	/**
	 * Mints a key for the employee's IAM user, recorded before it is returned: the intent row, CreateAccessKey,
	 * the key id in the ledger and the audit log. Used as it is for a call the portal makes at once (the
	 * step-up check), never sealed or shown; the caller deletes it with {@link #discard} whatever the outcome.
	 * @throws AwsCallException when IAM refused (kind {@code LIMIT_EXCEEDED}: the user already has two keys)
	 */
	AccessKey mintRecorded(Employee employee) {
		long intent = this.ledger.intend(employee.username(), employee.iamUserName(), this.clock.instant());
		AccessKeys.Created created;
		try {
			created = this.keys.create(employee.iamUserName());
		}
		catch (AwsCallException ex) {
			if (ex.is(AwsCallException.Kind.LIMIT_EXCEEDED)) {
				// Nothing was created; any other failure (a timeout) may have created a key: the reconciler looks.
				this.ledger.abandoned(intent, this.clock.instant());
			}
			throw ex;
		}
		String keyId = created.key().accessKeyId();
		try {
			this.ledger.created(intent, keyId, created.createDate());
			this.audit.record(AuditEvent.of(MINTED, AuditOutcome.SUCCESS).by(employee).accessKeyId(keyId));
		}
		catch (RuntimeException ex) {
			// Unrecorded, the key must not leave: it is deleted now, and the intent row leads the reconciler to it.
			this.keys.delete(employee.iamUserName(), keyId);
			throw ex;
		}
		return created.key();
	}

	/**
	 * @return the key sealed into the form, if the portal has not deleted it since
	 * @throws dev.mfaportal.kernel.SealRefusedException when the seal is not this employee's, not from this
	 * session, or too old
	 */
	Optional<AccessKey> open(Employee employee, String binding, String token) {
		String[] key = new String(this.sealer.open(PURPOSE, employee.username() + "\n" + binding, token),
				StandardCharsets.UTF_8)
			.split("\n", 2);
		if (key.length != 2 || !this.ledger.isOpen(key[0])) {
			return Optional.empty();
		}
		return Optional.of(new AccessKey(key[0], Secret.of(key[1])));
	}

	/** Deletes a minted key whatever the outcome of its use; a failure leaves it to the reconciler. */
	void discard(Employee employee, String accessKeyId) {
		delete(employee.username(), employee.iamUserName(), accessKeyId, "used");
	}

	/** @return whether the key is gone (and its row marked deleted) */
	boolean delete(String portalUser, String iamUser, String accessKeyId, String reason) {
		try {
			this.keys.delete(iamUser, accessKeyId);
		}
		catch (AwsCallException ex) {
			logger.warn("DeleteAccessKey failed for minted key {}; the reconciler retries: {}", accessKeyId,
					ex.getMessage());
			recordQuietly(AuditEvent.of(DELETE_FAILED, AuditOutcome.FAILURE)
				.portalUser(portalUser)
				.iamUser(iamUser)
				.accessKeyId(accessKeyId)
				.awsRequestId(ex.requestId())
				.detail("reason", reason));
			return false;
		}
		this.ledger.deleted(accessKeyId, this.clock.instant());
		recordQuietly(AuditEvent.of(DELETED, AuditOutcome.SUCCESS)
			.portalUser(portalUser)
			.iamUser(iamUser)
			.accessKeyId(accessKeyId)
			.detail("reason", reason));
		return true;
	}

	/** The key is already gone at AWS and in the ledger: an audit outage must not make it look otherwise. */
	private void recordQuietly(AuditEvent event) {
		try {
			this.audit.record(event);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not audit {} for minted key {}", event.action(), event.accessKeyId());
		}
	}

}
