package dev.mfaportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;

/**
 * One stored row of {@code audit_event}, as the viewer, the CSV export and the verifier read it.
 *
 * @param detail the JSON detail; a value that is not a JSON string (only possible by editing the database)
 * is kept as {@code "\u0000" + its JSON text}, which no legitimately written value can equal
 * (PostgreSQL refuses NUL in text), so such an edit breaks the hash
 * @param hashVersion how {@code row_hash} is computed ({@link AuditHashes#LEGACY} or {@link AuditHashes#KEYED})
 */
record AuditRow(long id, Instant occurredAt, String portalUser, String iamUser, String action, String outcome,
		String sourceIp, String userAgent, String mfaSerial, String accessKeyId, Instant expiresAt,
		String awsRequestId, Map<String, String> detail, String prevHash, String rowHash, int hashVersion) {

	static final String COLUMNS = """
			id, occurred_at, portal_user, iam_user, action, outcome, source_ip, user_agent, mfa_serial,
			access_key_id, expires_at, aws_request_id, detail::text AS detail, prev_hash, row_hash, hash_version""";

	static final RowMapper<AuditRow> MAPPER = AuditRow::map;

	private static final TypeReference<LinkedHashMap<String, Object>> DETAIL_TYPE = new TypeReference<>() {
	};

	AuditRow {
		detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
	}

	private static AuditRow map(ResultSet rs, int rowNum) throws SQLException {
		return new AuditRow(rs.getLong("id"), instant(rs, "occurred_at"), rs.getString("portal_user"),
				rs.getString("iam_user"), rs.getString("action"), rs.getString("outcome"), rs.getString("source_ip"),
				rs.getString("user_agent"), rs.getString("mfa_serial"), rs.getString("access_key_id"),
				instant(rs, "expires_at"), rs.getString("aws_request_id"), parseDetail(rs.getString("detail")),
				rs.getString("prev_hash"), rs.getString("row_hash"), rs.getInt("hash_version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static Map<String, String> parseDetail(String json) {
		if (json == null) {
			return Map.of();
		}
		JsonMapper mapper = JsonMapper.shared();
		Map<String, Object> raw = mapper.readValue(json, DETAIL_TYPE);
		Map<String, String> detail = new LinkedHashMap<>();
		raw.forEach((key, value) -> detail.put(key,
				(value instanceof String text) ? text : "\u0000" + mapper.writeValueAsString(value)));
		return detail;
	}

	static String detailJson(Map<String, String> detail) {
		return JsonMapper.shared().writeValueAsString(detail);
	}

}
