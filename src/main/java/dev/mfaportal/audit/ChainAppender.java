package dev.mfaportal.audit;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends rows to the chain by group commit (S43). A writer queues its row; if no other writer is leading, it
 * leads: it appends everything queued in one transaction under the chain's advisory lock (so instances sharing
 * the database still extend one chain in id order), wakes each row's writer, and hands the lead to the oldest row
 * still queued. A writer returns only once its own row is committed; if the transaction fails, every writer of
 * that batch gets the failure (S21). Under load one lock, one head read and one commit serve many rows. Waiting
 * writers are woken one by one, each by its own semaphore, never by taking turns on the leader lock.
 */
@Component
class ChainAppender {

	/** Advisory lock key serialising appends; any fixed number no other code uses. */
	static final long CHAIN_LOCK = 0x6d66_6170_6175_6469L;

	/** 16 parameters a row: far below PostgreSQL's 65,535 parameters per statement. */
	static final int MAX_BATCH = 500;

	private static final String COLUMNS = """
			id, occurred_at, portal_user, iam_user, action, outcome, source_ip, user_agent, mfa_serial,
			access_key_id, expires_at, aws_request_id, detail, prev_hash, row_hash, hash_version""";

	private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)";

	private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();

	private final ReentrantLock leader = new ReentrantLock();

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final ChainKey key;

	ChainAppender(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, ChainKey key) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		// Its own transaction, so a caller's rollback cannot undo the record of what it attempted.
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.key = key;
	}

	/**
	 * @return the committed row's id
	 * @throws RuntimeException what made the batch holding this row fail
	 */
	long append(PreparedEvent event) {
		Queued queued = new Queued(event);
		this.queue.add(queued);
		while (!queued.written.isDone()) {
			if (this.leader.tryLock()) {
				try {
					while (!queued.written.isDone()) {
						writeQueued();
					}
				}
				finally {
					this.leader.unlock();
				}
				// Whoever held the lead when a row was queued looks at the queue after letting go, so none waits
				// for a leader that never comes.
				Queued next = this.queue.peek();
				if (next != null) {
					next.wake.release();
				}
			}
			else {
				queued.wake.acquireUninterruptibly();
			}
		}
		return queued.id();
	}

	private void writeQueued() {
		List<Queued> batch = new ArrayList<>();
		for (Queued next; batch.size() < MAX_BATCH && (next = this.queue.poll()) != null;) {
			batch.add(next);
		}
		try {
			List<Long> ids = this.ownTransaction.execute((status) -> insert(batch));
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).written.complete(ids.get(i));
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((queued) -> queued.written.completeExceptionally(ex));
		}
		finally {
			// An Error thrown above must not leave a writer waiting for a batch nobody writes.
			batch.forEach((queued) -> {
				queued.written.completeExceptionally(new IllegalStateException("not written"));
				queued.wake.release();
			});
		}
	}

	private List<Long> insert(List<Queued> batch) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query((rs, n) -> 1).single();
		// After the lock, in a statement of its own: its snapshot then sees every row committed before the lock.
		List<Object[]> headAndIds = this.jdbc.sql("""
				SELECT (SELECT row_hash FROM audit_event ORDER BY id DESC LIMIT 1),
					nextval(pg_get_serial_sequence('audit_event', 'id'))
				FROM generate_series(1, :n)""")
			.param("n", batch.size())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.list();
		String prevHash = (headAndIds.get(0)[0] != null) ? (String) headAndIds.get(0)[0] : AuditHashes.GENESIS;
		List<Long> ids = headAndIds.stream().map((row) -> (Long) row[1]).sorted().toList();
		List<Object> params = new ArrayList<>(batch.size() * 16);
		for (int i = 0; i < batch.size(); i++) {
			AuditRow row = batch.get(i).event.row(ids.get(i), AuditHashes.truncate(this.clock.instant()), prevHash);
			String rowHash = this.key.rowHash(prevHash, row);
			params.addAll(List.of(row.id(), utc(row.occurredAt())));
			params.addAll(texts(row.portalUser(), row.iamUser(), row.action(), row.outcome(), row.sourceIp(),
					row.userAgent(), row.mfaSerial(), row.accessKeyId()));
			params.add(new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, utc(row.expiresAt())));
			params.addAll(texts(row.awsRequestId()));
			params.addAll(List.of(AuditRow.detailJson(row.detail()), prevHash, rowHash, AuditHashes.KEYED));
			prevHash = rowHash;
		}
		this.jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES "
				+ String.join(", ", java.util.Collections.nCopies(batch.size(), VALUES)))
			.params(params)
			.update();
		return ids;
	}

	/**
	 * Typed, so that a null needs no round trip: without a type, the JDBC template asks the driver for each null
	 * parameter's type, which PostgreSQL's driver answers by describing the statement to the server.
	 */
	private static List<SqlParameterValue> texts(String... values) {
		return java.util.Arrays.stream(values).map((value) -> new SqlParameterValue(Types.VARCHAR, value)).toList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static final class Queued {

		final PreparedEvent event;

		final CompletableFuture<Long> written = new CompletableFuture<>();

		/** Released when the row is written, or when its writer is to lead. */
		final Semaphore wake = new Semaphore(0);

		Queued(PreparedEvent event) {
			this.event = event;
		}

		long id() {
			try {
				return this.written.join();
			}
			catch (java.util.concurrent.CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
		}

	}

}
