package dev.mfaportal.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * S36: the database's owner can rewrite rows and recompute a SHA-256 chain, but not the keyed one. Each test
 * plays that superuser on the shared test database and puts every row back afterwards.
 */
@AuditJdbcTest
class KeyedChainTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	ChainKey key;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	AuditTestRows rows() {
		return new AuditTestRows(this.jdbc, this.transactionManager);
	}

	@Test
	void verifyWhenASuperuserRewritesARowAndRechainsWithSha256ThenBrokenAtThatRow() {
		this.auditLog.record(AuditEvent.of("test.keyed", AuditOutcome.SUCCESS).portalUser("eve"));
		long edited = this.auditLog.record(AuditEvent.of("test.keyed", AuditOutcome.DENIED).portalUser("eve"));
		this.auditLog.record(AuditEvent.of("test.keyed", AuditOutcome.SUCCESS).portalUser("eve"));
		List<AuditRow> originals = rows().after(edited - 1);
		try {
			rechainWithSha256(edited, "SUCCESS", false);
			assertThat(AuditHashes.rowHash(rows().find(edited).prevHash(), rows().find(edited)))
				.as("the old-style chain recomputes").isEqualTo(rows().find(edited).rowHash());

			ChainReport report = this.verifier.verify();

			assertThat(report.intact()).isFalse();
			assertThat(report.brokenId()).isEqualTo(edited);
			assertThat(report.brokenField()).isEqualTo("row_hash");
		}
		finally {
			putBack(originals);
		}
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void verifyWhenTheRewrittenRowsAreAlsoMarkedUnkeyedThenBrokenAtTheFirstOfThem() {
		this.auditLog.record(AuditEvent.of("test.keyed", AuditOutcome.SUCCESS).portalUser("eve"));
		long edited = this.auditLog.record(AuditEvent.of("test.keyed", AuditOutcome.DENIED).portalUser("eve"));
		this.auditLog.record(AuditEvent.of("test.keyed", AuditOutcome.SUCCESS).portalUser("eve"));
		List<AuditRow> originals = rows().after(edited - 1);
		try {
			rechainWithSha256(edited, "SUCCESS", true);

			ChainReport report = this.verifier.verify();

			assertThat(report.intact()).isFalse();
			assertThat(report.brokenId()).isEqualTo(edited);
			assertThat(report.brokenField()).isEqualTo("hash_version");
		}
		finally {
			putBack(originals);
		}
	}

	@Test
	void verifyWhenEveryRowIsRechainedUnkeyedThenTheNewestRowIsReported() {
		long newest = this.auditLog.record(AuditEvent.of("test.keyed", AuditOutcome.DENIED).portalUser("eve"));
		List<AuditRow> originals = rows().after(0);
		try {
			rechainWithSha256(originals.get(0).id(), null, true);

			ChainReport report = this.verifier.verify();

			assertThat(report.intact()).isFalse();
			assertThat(report.brokenId()).isEqualTo(newest);
			assertThat(report.brokenField()).isEqualTo("hash_version");
		}
		finally {
			putBack(originals);
		}
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void verifyWhenUnkeyedRowsFromBeforeTheUpgradeComeFirstThenIntactAndTheFirstKeyedRowBindsThem() {
		AuditRow first = legacy(1, AuditHashes.GENESIS, "before the upgrade");
		AuditRow second = legacy(2, first.rowHash(), "also before");
		AuditRow keyed = keyed(3, second.rowHash());

		assertThat(walk(first, second, keyed).intact()).isTrue();

		// A superuser rewrites an old row and recomputes the old rows' SHA-256 chain: the keyed row no longer links.
		AuditRow rewritten = legacy(1, AuditHashes.GENESIS, "rewritten");
		AuditRow rechained = legacy(2, rewritten.rowHash(), "also before");
		ChainReport report = walk(rewritten, rechained, keyed);
		assertThat(report.intact()).isFalse();
		assertThat(report.brokenId()).isEqualTo(3);
		assertThat(report.brokenField()).isEqualTo("prev_hash");
	}

	@Test
	void chainKeyWhenOtherKeyOrMalformedThenOtherHashesOrStartUpFails() {
		AuditRow row = keyed(3, AuditHashes.GENESIS);

		assertThat(new ChainKey(new byte[32]).rowHash(AuditHashes.GENESIS, row)).isEqualTo(row.rowHash())
			.isNotEqualTo(new ChainKey(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }).rowHash(AuditHashes.GENESIS, row))
			.isNotEqualTo(AuditHashes.rowHash(AuditHashes.GENESIS, row));
		assertThatIllegalStateException().isThrownBy(() -> new ChainKey(ChainMonitorTests.properties(true, "c2hvcnQ=")))
			.withMessageContaining(ChainKey.PROPERTY);
	}

	ChainReport walk(AuditRow... rows) {
		return this.verifier.walk(Stream.of(rows), null, new ChainKey(new byte[32]));
	}

	static AuditRow legacy(long id, String prevHash, String user) {
		AuditRow row = row(id, prevHash, user, null, AuditHashes.LEGACY);
		return row(id, prevHash, user, AuditHashes.rowHash(prevHash, row), AuditHashes.LEGACY);
	}

	static AuditRow keyed(long id, String prevHash) {
		AuditRow row = row(id, prevHash, "after", null, AuditHashes.KEYED);
		return row(id, prevHash, "after", new ChainKey(new byte[32]).rowHash(prevHash, row), AuditHashes.KEYED);
	}

	static AuditRow row(long id, String prevHash, String user, String rowHash, int version) {
		return new AuditRow(id, Instant.parse("2026-12-01T10:00:00Z"), user, null, "test.keyed", "SUCCESS", null, null,
				null, null, null, null, java.util.Map.of(), prevHash, rowHash, version);
	}

	/** As a superuser without the key would: new values, then the whole chain from there recomputed with SHA-256. */
	void rechainWithSha256(long fromId, String newOutcome, boolean markUnkeyed) {
		if (newOutcome != null) {
			rows().tamper("UPDATE audit_event SET outcome = ? WHERE id = ?", newOutcome, fromId);
		}
		List<AuditRow> tail = rows().after(fromId - 1);
		String prev = tail.get(0).prevHash();
		List<Object[]> updates = new java.util.ArrayList<>();
		for (AuditRow row : tail) {
			int version = markUnkeyed ? AuditHashes.LEGACY : row.hashVersion();
			AuditRow relinked = new AuditRow(row.id(), row.occurredAt(), row.portalUser(), row.iamUser(), row.action(),
					row.outcome(), row.sourceIp(), row.userAgent(), row.mfaSerial(), row.accessKeyId(), row.expiresAt(),
					row.awsRequestId(), row.detail(), prev, null, version);
			String hash = AuditHashes.rowHash(prev, relinked);
			updates.add(new Object[] { prev, hash, version, row.id() });
			prev = hash;
		}
		rows().tamperEach("UPDATE audit_event SET prev_hash = ?, row_hash = ?, hash_version = ? WHERE id = ?", updates);
	}

	void putBack(List<AuditRow> originals) {
		rows().tamperEach("UPDATE audit_event SET outcome = ?, prev_hash = ?, row_hash = ?, hash_version = ? WHERE id = ?",
				originals.stream()
					.map((row) -> new Object[] { row.outcome(), row.prevHash(), row.rowHash(), row.hashVersion(), row.id() })
					.toList());
	}

}
