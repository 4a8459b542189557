package dev.mfaportal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Publishes the chain's head outside the database every {@code portal.audit.checkpoint.interval} (S36): a signed
 * {@link Checkpoint} as an INFO log line, for log shipping, and appended to {@code portal.audit.checkpoint.file}
 * when set. The latest one, this instance's or the file's last line after a restart, is what the chain check
 * compares the table with, so a tail cut off or rewritten since is reported.
 */
@Component
class ChainCheckpoints implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(ChainCheckpoints.class);

	private final JdbcClient jdbc;

	private final ChainKey key;

	private final Clock clock;

	private final AuditProperties.Checkpoint settings;

	private final AtomicReference<Checkpoint> latest = new AtomicReference<>();

	ChainCheckpoints(JdbcClient jdbc, ChainKey key, Clock clock, AuditProperties properties) {
		this.jdbc = jdbc;
		this.key = key;
		this.clock = clock;
		this.settings = properties.checkpoint();
		this.latest.set(lastInFile().orElse(null));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::publish, this.settings.interval(), this.settings.interval()));
	}

	/** @return the checkpoint published, empty while the log has no row */
	Optional<Checkpoint> publish() {
		Optional<Checkpoint> head = this.jdbc.sql("SELECT id, row_hash FROM audit_event ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> Checkpoint.signed(rs.getLong("id"), rs.getString("row_hash"), this.clock.instant(),
					this.key))
			.optional();
		head.ifPresent((checkpoint) -> {
			logger.atInfo().addKeyValue("audit.checkpoint.id", checkpoint.id()).log("Audit {}", checkpoint.line());
			appendToFile(checkpoint);
			this.latest.set(checkpoint);
		});
		return head;
	}

	Optional<Checkpoint> latest() {
		return Optional.ofNullable(this.latest.get());
	}

	/** A pasted checkpoint is compared only if this portal's key signed it: a forged one proves nothing. */
	Optional<Checkpoint> genuine(String text) {
		return Checkpoint.find(text).filter((checkpoint) -> checkpoint.genuine(this.key));
	}

	private void appendToFile(Checkpoint checkpoint) {
		Path file = this.settings.file();
		if (file == null) {
			return;
		}
		try {
			Files.writeString(file, checkpoint.line() + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			logger.error("Audit checkpoint could not be appended to {}: {}", file, ex.getClass().getName());
		}
	}

	private Optional<Checkpoint> lastInFile() {
		Path file = this.settings.file();
		if (file == null || !Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = lines.size() - 1; i >= 0; i--) {
				Optional<Checkpoint> found = genuine(lines.get(i));
				if (found.isPresent()) {
					return found;
				}
			}
		}
		catch (IOException ex) {
			logger.error("Audit checkpoint file {} could not be read: {}", file, ex.getClass().getName());
		}
		return Optional.empty();
	}

}
