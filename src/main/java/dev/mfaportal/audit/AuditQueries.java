package dev.mfaportal.audit;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log for the admin pages: keyset pages (never {@code OFFSET}, so the 500th page costs what
 * the first does), single rows, and a streamed read for the export.
 */
@Component
class AuditQueries implements AuditHistory {

	private static final String ORDER = " ORDER BY occurred_at DESC, id DESC";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	AuditQueries(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.streaming = new NamedParameterJdbcTemplate(ChainVerifier.streamingTemplate(dataSource));
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * One page, newest first, starting after the row {@code beforeId} of the previous page (null for the first).
	 */
	AuditPage page(AuditFilter filter, Long beforeId, int size) {
		AuditWhere where = AuditWhere.of(filter);
		String keyset = (beforeId != null)
				? " AND (occurred_at, id) < (SELECT occurred_at, id FROM audit_event WHERE id = :beforeId)" : "";
		JdbcClient.StatementSpec query = this.jdbc
			.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE " + where.sql() + keyset + ORDER
					+ " LIMIT :limit")
			.params(where.params())
			.param("limit", size + 1);
		if (beforeId != null) {
			query = query.param("beforeId", beforeId);
		}
		List<AuditRow> rows = query.query(AuditRow.MAPPER).list();
		if (rows.size() > size) {
			List<AuditRow> shown = rows.subList(0, size);
			return new AuditPage(List.copyOf(shown), shown.get(size - 1).id());
		}
		return new AuditPage(rows, null);
	}

	/** Every action the log has seen, from the hourly roll-up (a few hundred rows, not the whole log). */
	List<String> knownActions() {
		return this.jdbc.sql("SELECT DISTINCT action FROM audit_hourly ORDER BY action").query(String.class).list();
	}

	Optional<AuditRow> find(long id) {
		return this.jdbc.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_event WHERE id = :id")
			.param("id", id)
			.query(AuditRow.MAPPER)
			.optional();
	}

	/**
	 * Hands every matching row, in page order, to {@code handler}, selecting {@code columns}; rows come from a
	 * cursor {@link ChainVerifier#FETCH_SIZE} at a time, so none are held.
	 */
	void forEach(AuditFilter filter, String columns, RowCallbackHandler handler) {
		AuditWhere where = AuditWhere.of(filter);
		this.readOnly.executeWithoutResult((status) -> this.streaming.query(
				"SELECT " + columns + " FROM audit_event WHERE " + where.sql() + ORDER, where.params(), handler));
	}

	@Override
	public List<AuditEntry> recentForIamUser(String iamUserName, int limit) {
		return page(new AuditFilter(null, iamUserName, null, null, null, null, null), null, limit).rows()
			.stream()
			.map((row) -> new AuditEntry(row.id(), row.occurredAt(), row.portalUser(), row.iamUser(), row.action(),
					row.outcome(), row.mfaSerial(), row.sourceIp()))
			.toList();
	}

	record AuditPage(List<AuditRow> rows, Long nextBeforeId) {
	}

}
