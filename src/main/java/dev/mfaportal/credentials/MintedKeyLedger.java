package dev.mfaportal.credentials;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL record of every key the portal mints (S40): an intent row before {@code CreateAccessKey}, the
 * key id as soon as AWS answers, the deletion after {@code DeleteAccessKey}. Never a secret.
 */
class MintedKeyLedger {

	private final JdbcClient jdbc;

	MintedKeyLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the intent row's id, written before any key exists */
	long intend(String portalUser, String iamUser, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO minted_access_key (portal_user, iam_user, intended_at) VALUES (?, ?, ?) RETURNING id
				""").params(portalUser, iamUser, utc(at)).query(Long.class).single();
	}

	void created(long id, String accessKeyId, Instant createdAt) {
		this.jdbc.sql("UPDATE minted_access_key SET access_key_id = ?, created_at = ? WHERE id = ?")
			.params(accessKeyId, utc(createdAt), id)
			.update();
	}

	/** The intent came to nothing: AWS refused to create a key (the two-key limit). */
	void abandoned(long id, Instant at) {
		this.jdbc.sql("UPDATE minted_access_key SET deleted_at = ? WHERE id = ? AND access_key_id IS NULL")
			.params(utc(at), id)
			.update();
	}

	void deleted(String accessKeyId, Instant at) {
		this.jdbc.sql("UPDATE minted_access_key SET deleted_at = ? WHERE access_key_id = ? AND deleted_at IS NULL")
			.params(utc(at), accessKeyId)
			.update();
	}

	boolean isOpen(String accessKeyId) {
		return this.jdbc.sql("SELECT count(*) FROM minted_access_key WHERE access_key_id = ? AND deleted_at IS NULL")
			.param(accessKeyId)
			.query(Long.class)
			.single() > 0;
	}

	/** Rows not yet marked deleted whose intent is older than {@code before}. */
	List<Open> openBefore(Instant before) {
		return this.jdbc.sql("""
				SELECT id, portal_user, iam_user, intended_at, access_key_id
				FROM minted_access_key WHERE deleted_at IS NULL AND intended_at < ? ORDER BY id
				""")
			.param(utc(before))
			.query((rs, n) -> new Open(rs.getLong("id"), rs.getString("portal_user"), rs.getString("iam_user"),
					rs.getObject("intended_at", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getString("access_key_id"))))
			.list();
	}

	/** Keys of this user the portal minted and has not marked deleted: the ones a new mint replaces. */
	List<String> openKeysOf(String iamUser) {
		return this.jdbc.sql("""
				SELECT access_key_id FROM minted_access_key
				WHERE iam_user = ? AND deleted_at IS NULL AND access_key_id IS NOT NULL ORDER BY id
				""").param(iamUser).query(String.class).list();
	}

	/** Whether the portal recorded this key id as one it minted. */
	boolean isKnown(String accessKeyId) {
		return this.jdbc.sql("SELECT count(*) FROM minted_access_key WHERE access_key_id = ?")
			.param(accessKeyId)
			.query(Long.class)
			.single() > 0;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A row still open: a key to delete, or an intent whose key may exist at AWS unrecorded. */
	record Open(long id, String portalUser, String iamUser, Instant intendedAt, Optional<String> accessKeyId) {
	}

}
