package dev.mfaportal.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** S36: the head published outside the database lets a verifier notice a tail cut off or rewritten since. */
@AuditJdbcTest
@ExtendWith(OutputCaptureExtension.class)
class ChainCheckpointsTests {

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

	@TempDir
	Path directory;

	AuditTestRows rows() {
		return new AuditTestRows(this.jdbc, this.transactionManager);
	}

	ChainCheckpoints checkpoints(Path file) {
		AuditProperties defaults = ChainMonitorTests.properties(true);
		return new ChainCheckpoints(this.jdbc, this.key, Clock.systemUTC(),
				new AuditProperties(defaults.pageSize(), defaults.chartMaxDays(), true, defaults.verifyInterval(),
						defaults.verifyInitialDelay(), null, new AuditProperties.Checkpoint(Duration.ofMinutes(5), file),
						defaults.refusalRowsPerMinute()));
	}

	@Test
	void publishWhenRowsExistThenASignedLineIsLoggedAndAppendedToTheFileAndReadBackAfterARestart(CapturedOutput output)
			throws Exception {
		long head = this.auditLog.record(AuditEvent.of("test.checkpoint", AuditOutcome.SUCCESS));
		Path file = this.directory.resolve("checkpoints.log");

		Checkpoint published = checkpoints(file).publish().orElseThrow();

		assertThat(published.id()).isEqualTo(head);
		assertThat(published.headHash()).isEqualTo(rows().find(head).rowHash());
		assertThat(output.getAll()).contains("Audit " + published.line());
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).containsExactly(published.line());
		assertThat(Checkpoint.find(lines.get(0))).hasValueSatisfying((read) -> assertThat(read.genuine(this.key)).isTrue());
		assertThat(checkpoints(file).latest()).as("after a restart, from the file").contains(published);
		String forged = published.line().replace("id=" + head, "id=" + (head + 1));
		assertThat(checkpoints(file).genuine(forged)).as("a checkpoint the key did not sign").isEmpty();
	}

	@Test
	void verifyWhenTheTailAfterACheckpointIsCutOffThenACheckpointAloneNamesItsMissingRow() {
		this.auditLog.record(AuditEvent.of("test.checkpoint", AuditOutcome.SUCCESS));
		long kept = this.auditLog.record(AuditEvent.of("test.checkpoint", AuditOutcome.SUCCESS));
		long cut = this.auditLog.record(AuditEvent.of("test.checkpoint", AuditOutcome.DENIED));
		Checkpoint checkpoint = checkpoints(null).publish().orElseThrow();
		AuditRow removed = rows().find(cut);
		rows().tamper("DELETE FROM audit_event WHERE id = ?", cut);
		try {
			assertThat(this.verifier.verify().intact()).as("without the checkpoint the shorter chain looks whole")
				.isTrue();

			for (ChainReport report : List.of(this.verifier.verifyLinks(checkpoint), this.verifier.verify(checkpoint))) {
				assertThat(report.intact()).isFalse();
				assertThat(report.brokenId()).isEqualTo(cut);
				assertThat(report.brokenField()).isEqualTo("checkpoint");
				assertThat(report.found()).isEqualTo("missing");
			}
			assertThat(kept).isLessThan(cut);
		}
		finally {
			rows().restore(removed);
		}
		assertThat(this.verifier.verify(checkpoint).intact()).isTrue();
	}

	@Test
	void verifyWhenTheTailIsRewrittenAndRelinkedThenACheckpointWithoutTheKeyStillNamesItsRow() {
		long rewritten = this.auditLog.record(AuditEvent.of("test.checkpoint", AuditOutcome.DENIED).portalUser("eve"));
		Checkpoint checkpoint = checkpoints(null).publish().orElseThrow();
		AuditRow original = rows().find(rewritten);
		String relinked = AuditHashes.rowHash(original.prevHash(), original);
		rows().tamper("UPDATE audit_event SET outcome = 'SUCCESS', row_hash = ? WHERE id = ?", relinked, rewritten);
		try {
			ChainReport report = this.verifier.verifyLinks(checkpoint);

			assertThat(report.intact()).isFalse();
			assertThat(report.brokenId()).isEqualTo(rewritten);
			assertThat(report.brokenField()).isEqualTo("checkpoint");
			assertThat(report.expected()).isEqualTo(original.rowHash());
		}
		finally {
			rows().tamper("UPDATE audit_event SET outcome = ?, row_hash = ? WHERE id = ?", original.outcome(),
					original.rowHash(), rewritten);
		}
		assertThat(this.verifier.verifyLinks(checkpoint).intact()).isTrue();
	}

}
