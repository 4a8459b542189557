package dev.mfaportal.audit;

import java.util.List;

import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the rows {@link RefusalFlood} has counted (S43) once their minute has ended: before each new audit
 * row, every 10 s, and when the portal stops. A bean of its own rather than methods of {@link JdbcAuditLog}, so
 * that the scheduler's thread never calls into the {@link AuditLog} bean: the flow tests replace that bean with
 * a Mockito spy and stub it while the portal runs, and Mockito does not support stubbing a mock while another
 * thread calls it (https://github.com/mockito/mockito/wiki/FAQ#is-mockito-thread-safe).
 */
@Component
class CountedRows {

	private final RefusalFlood flood;

	private final ChainAppender appender;

	CountedRows(RefusalFlood flood, ChainAppender appender) {
		this.flood = flood;
		this.appender = appender;
	}

	/** Writes the counted rows of minutes that have ended; those it cannot write wait for the next time. */
	@Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
	void writeEndedMinutes() {
		this.flood.endMinutes(false);
		writeEnded();
	}

	@PreDestroy
	void writeCountsOnShutdown() {
		this.flood.endMinutes(true);
		writeEnded();
	}

	/** The rows of minutes already ended: a source's previous minute ends at its next refusal. */
	void writeEnded() {
		List<PreparedEvent> rows = this.flood.takeEnded();
		for (int i = 0; i < rows.size(); i++) {
			PreparedEvent row = rows.get(i);
			try {
				JdbcAuditLog.write(row, () -> this.appender.append(row));
			}
			catch (AuditUnavailableException ex) {
				this.flood.putBack(rows.subList(i, rows.size()));
				return;
			}
		}
	}

}
