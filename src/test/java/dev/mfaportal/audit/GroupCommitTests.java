package dev.mfaportal.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.mfaportal.Concurrently;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** S43: many writers share one lock, one head read and one commit, and each returns only with its row committed. */
@AuditJdbcTest
class GroupCommitTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	ChainKey key;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void recordWhenEightWritersWriteTwoHundredFiftyEachThenEveryEventIsInTheChainOnceInEachWritersOrder()
			throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		AuditTestRows rows = new AuditTestRows(this.jdbc, this.transactionManager);
		long start = rows.maxId();
		List<List<Long>> returned = Concurrently.run(8, (writer) -> () -> {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < 250; i++) {
				ids.add(this.auditLog.record(AuditEvent.of("test.group-commit", AuditOutcome.SUCCESS)
					.portalUser(run + "-" + writer)
					.detail("i", i)));
			}
			return ids;
		});

		List<AuditRow> written = rows.after(start).stream().filter((row) -> row.portalUser().startsWith(run)).toList();
		assertThat(written).hasSize(8 * 250);
		Map<String, Integer> nextOfWriter = new HashMap<>();
		for (AuditRow row : written) {
			// Each writer's events in the order it recorded them, each exactly once.
			int expected = nextOfWriter.merge(row.portalUser(), 1, Integer::sum) - 1;
			assertThat(row.detail()).containsEntry("i", Integer.toString(expected));
		}
		assertThat(nextOfWriter).hasSize(8).allSatisfy((writer, count) -> assertThat(count).isEqualTo(250));
		for (int w = 0; w < 8; w++) {
			// Returned only once committed: every id a writer got back is its own row in the table.
			String writer = run + "-" + w;
			assertThat(returned.get(w)).isSorted()
				.containsExactlyElementsOf(written.stream().filter((row) -> row.portalUser().equals(writer))
					.map(AuditRow::id).toList());
		}
		for (int i = 1; i < written.size(); i++) {
			assertThat(written.get(i).occurredAt()).isAfterOrEqualTo(written.get(i - 1).occurredAt());
		}
		ChainReport report = this.verifier.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
	}

	@Test
	void recordWhenTheBatchsCommitFailsThenEveryWriterOfThatBatchThrowsAndNoneOfItsRowsExists() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger commits = new AtomicInteger();
		DataSourceTransactionManager failingCommit = new DataSourceTransactionManager(this.dataSource) {
			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				// The first commit is slow, so the other writers queue up behind it and form a batch of several.
				if (commits.incrementAndGet() == 1) {
					sleep(500);
				}
				throw new TransactionSystemException("commit refused");
			}
		};
		failingCommit.setRollbackOnCommitFailure(true);
		JdbcAuditLog failing = AuditTestRows.log(this.jdbc, failingCommit, this.key, Clock.systemUTC());

		List<Boolean> refused = Concurrently.run(8, (writer) -> () -> {
			if (writer > 0) {
				sleep(100);
			}
			try {
				failing.record(AuditEvent.of("test.group-commit-fails", AuditOutcome.SUCCESS).portalUser(run));
				return false;
			}
			catch (AuditUnavailableException ex) {
				return true;
			}
		});

		assertThat(refused).containsOnly(true);
		assertThat(commits.get()).as("commits for 8 writers: some batch held several").isLessThan(8);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE portal_user = ?").param(run)
			.query(Long.class).single()).isZero();
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
