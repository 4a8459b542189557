package dev.mfaportal.audit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs the verifier and remembers its latest report, which the health endpoint shows. A broken chain is logged
 * at ERROR every time it is found, so log-based alerting picks it up.
 */
@Component
class ChainMonitor {

	private static final Logger logger = LoggerFactory.getLogger(ChainMonitor.class);

	private final ChainVerifier verifier;

	private final ChainCheckpoints checkpoints;

	private final AtomicReference<ChainReport> latest = new AtomicReference<>();

	ChainMonitor(ChainVerifier verifier, ChainCheckpoints checkpoints) {
		this.verifier = verifier;
		this.checkpoints = checkpoints;
	}

	/** Walks the chain and compares it with the latest checkpoint published (S36). */
	ChainReport check() {
		return check(this.checkpoints.latest().orElse(null));
	}

	/** Walks the chain and compares it with {@code checkpoint} (none when {@code null}). */
	ChainReport check(Checkpoint checkpoint) {
		ChainReport report = this.verifier.verify(checkpoint);
		this.latest.set(report);
		if (report.intact()) {
			logger.info("Audit chain {}", report.summary());
		}
		else {
			logger.error("Audit chain BROKEN: {}", report.summary());
		}
		return report;
	}

	Optional<ChainReport> latest() {
		return Optional.ofNullable(this.latest.get());
	}

}
