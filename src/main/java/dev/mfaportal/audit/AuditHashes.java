package dev.mfaportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of the audit log (S24, S36). Each row stores {@code prev_hash}, the {@code row_hash} of the row
 * before it in id order ({@link #GENESIS} for the first), its {@code hash_version}, and
 * <ul>
 * <li>version 1 (rows written before the chain was keyed):
 * {@code row_hash = lowercase hex of SHA-256(UTF-8 bytes of (prev_hash + canonical form))};</li>
 * <li>version 2: {@code row_hash = lowercase hex of HMAC-SHA256(chain key, UTF-8 bytes of (prev_hash + canonical
 * form))}, the chain key being derived from {@code portal.audit.chain-key} ({@link ChainKey}).</li>
 * </ul>
 * The canonical form, so that anyone can re-check the chain outside the portal (version 2 with the key):
 * <pre>
 * "v1" (or "v2", the row's hash version) then, in this order, one field each for id, occurred_at, portal_user, iam_user, action, outcome,
 * source_ip, user_agent, mfa_serial, access_key_id, expires_at, aws_request_id, then the detail.
 *   field(null)  = "~;"
 *   field(text)  = &lt;number of UTF-8 bytes of text&gt; ":" text ";"
 *   id           = field(decimal id)
 *   times        = field(UTC ISO-8601 with exactly six fractional digits, e.g. 2026-11-28T13:05:00.123456Z);
 *                  times are truncated to microseconds before they are stored, as PostgreSQL keeps them
 *   detail       = &lt;number of entries&gt; "{" then field(key) field(value) per entry in ascending key
 *                  order (Java String order, i.e. UTF-16 code units) "}"
 * </pre>
 * Length prefixes make the form unambiguous: no two different rows share one canonical form.
 */
final class AuditHashes {

	/** {@code prev_hash} of the first row. */
	static final String GENESIS = "0".repeat(64);

	/** Plain SHA-256: anyone who can write the table can recompute it, so it proves nothing to its owner. */
	static final int LEGACY = 1;

	/** HMAC-SHA256 under the chain key, which the database never sees. */
	static final int KEYED = 2;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditHashes() {
	}

	static Instant truncate(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS) : null;
	}

	static String formatTime(Instant instant) {
		return (instant != null) ? TIME.format(truncate(instant)) : null;
	}

	/** Version 1, unkeyed: kept for the rows written before the chain was keyed. */
	static String rowHash(String prevHash, AuditRow row) {
		return sha256Hex(prevHash + canonicalForm(row, LEGACY));
	}

	static String canonicalForm(AuditRow row) {
		return canonicalForm(row, row.hashVersion());
	}

	static String canonicalForm(AuditRow row, int version) {
		StringBuilder out = new StringBuilder(256).append('v').append(version);
		field(out, Long.toString(row.id()));
		field(out, formatTime(row.occurredAt()));
		field(out, row.portalUser());
		field(out, row.iamUser());
		field(out, row.action());
		field(out, row.outcome());
		field(out, row.sourceIp());
		field(out, row.userAgent());
		field(out, row.mfaSerial());
		field(out, row.accessKeyId());
		field(out, formatTime(row.expiresAt()));
		field(out, row.awsRequestId());
		Map<String, String> sorted = new TreeMap<>(row.detail());
		out.append(sorted.size()).append('{');
		sorted.forEach((key, value) -> {
			field(out, key);
			field(out, value);
		});
		return out.append('}').toString();
	}

	private static void field(StringBuilder out, String value) {
		if (value == null) {
			out.append("~;");
			return;
		}
		out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(';');
	}

	static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
