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
 * Walks the whole hash chain in id order and names the first broken link (S24). Rows are streamed with a JDBC
 * fetch size inside a read-only transaction (PostgreSQL only uses a cursor when auto-commit is off), so memory
 * stays flat however long the log is.
 */
@Component
class ChainVerifier {

	static final int FETCH_SIZE = 1000;

	private final JdbcClient streaming;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	ChainVerifier(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
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
		return this.readOnly.execute((status) -> {
			try (Stream<AuditRow> rows = this.streaming.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event ORDER BY id")
				.query(AuditRow.MAPPER)
				.stream()) {
				return walk(rows);
			}
		});
	}

	private ChainReport walk(Stream<AuditRow> rows) {
		String expectedPrev = AuditHashes.GENESIS;
		long count = 0;
		for (AuditRow row : (Iterable<AuditRow>) rows::iterator) {
			if (!expectedPrev.equals(row.prevHash())) {
				return ChainReport.broken(count, row.id(), "prev_hash", expectedPrev, row.prevHash(), this.clock.instant());
			}
			String computed = AuditHashes.rowHash(row.prevHash(), row);
			if (!computed.equals(row.rowHash())) {
				return ChainReport.broken(count, row.id(), "row_hash", computed, row.rowHash(), this.clock.instant());
			}
			expectedPrev = row.rowHash();
			count++;
		}
		return ChainReport.intact(count, expectedPrev, this.clock.instant());
	}

}
