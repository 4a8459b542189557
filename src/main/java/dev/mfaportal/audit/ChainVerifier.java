package dev.mfaportal.audit;

import java.time.Clock;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole hash chain in id order and names the first broken link (S24, S36). Rows are streamed with a JDBC
 * fetch size inside a read-only transaction (PostgreSQL only uses a cursor when auto-commit is off), so memory
 * stays flat however long the log is.
 * <p>
 * Keyed rows are checked with the chain key, older rows with plain SHA-256 ({@link AuditHashes}). Because the
 * portal writes only keyed rows, an unkeyed row after a keyed one, or an unkeyed newest row, is a rewrite (a
 * superuser re-chaining rows with SHA-256 would have to mark them unkeyed); the portal keys its first row at
 * start-up after the upgrade ({@link KeyedChainStart}). Given a checkpoint, its row must still be there with
 * the checkpoint's hash.
 */
@Component
class ChainVerifier {

	static final int FETCH_SIZE = 1000;

	private final JdbcClient streaming;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	private final ChainKey key;

	ChainVerifier(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock, ChainKey key) {
		this.key = key;
		this.streaming = JdbcClient.create(streamingTemplate(dataSource));
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	static JdbcTemplate streamingTemplate(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		return template;
	}

	ChainReport verify() {
		return verify(null);
	}

	/** @param checkpoint a checkpoint the table must still agree with, or {@code null} */
	ChainReport verify(Checkpoint checkpoint) {
		return stream((rows) -> walk(rows, checkpoint, this.key));
	}

	/**
	 * What a verifier holding a checkpoint but not the key can check: the links ({@code prev_hash}) up to the end
	 * and that the checkpoint's row is still there with its hash; row hashes are not recomputed.
	 */
	ChainReport verifyLinks(Checkpoint checkpoint) {
		return stream((rows) -> walk(rows, checkpoint, null));
	}

	private ChainReport stream(java.util.function.Function<Stream<AuditRow>, ChainReport> walk) {
		return this.readOnly.execute((status) -> {
			try (Stream<AuditRow> rows = this.streaming.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event ORDER BY id")
				.query(AuditRow.MAPPER)
				.stream()) {
				return walk.apply(rows);
			}
		});
	}

	/** @param key the chain key, or {@code null} to check links and the checkpoint only */
	ChainReport walk(Stream<AuditRow> rows, Checkpoint checkpoint, ChainKey key) {
		String expectedPrev = AuditHashes.GENESIS;
		long count = 0;
		AuditRow last = null;
		for (AuditRow row : (Iterable<AuditRow>) rows::iterator) {
			if (!expectedPrev.equals(row.prevHash())) {
				return broken(count, row, "prev_hash", expectedPrev, row.prevHash());
			}
			if (key != null && last != null && last.hashVersion() == AuditHashes.KEYED
					&& row.hashVersion() != AuditHashes.KEYED) {
				return broken(count, row, "hash_version", Integer.toString(AuditHashes.KEYED),
						Integer.toString(row.hashVersion()));
			}
			String computed = (key != null) ? key.expectedHash(row.prevHash(), row) : row.rowHash();
			if (!computed.equals(row.rowHash())) {
				return broken(count, row, "row_hash", computed, row.rowHash());
			}
			if (checkpoint != null && checkpoint.id() == row.id() && !checkpoint.headHash().equals(row.rowHash())) {
				return broken(count, row, "checkpoint", checkpoint.headHash(), row.rowHash());
			}
			expectedPrev = row.rowHash();
			last = row;
			count++;
		}
		if (key != null && last != null && last.hashVersion() != AuditHashes.KEYED) {
			return broken(count - 1, last, "hash_version", Integer.toString(AuditHashes.KEYED),
					Integer.toString(last.hashVersion()));
		}
		if (checkpoint != null && (last == null || last.id() < checkpoint.id())) {
			// The row the checkpoint names is gone: the end of the log was cut off.
			return ChainReport.broken(count, checkpoint.id(), "checkpoint", checkpoint.headHash(), "missing",
					this.clock.instant());
		}
		return ChainReport.intact(count, expectedPrev, this.clock.instant());
	}

	private ChainReport broken(long count, AuditRow row, String field, String expected, String found) {
		return ChainReport.broken(count, row.id(), field, expected, found, this.clock.instant());
	}

}
