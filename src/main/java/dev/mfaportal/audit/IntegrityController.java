package dev.mfaportal.audit;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Walks the chain on demand: a page for people (with the latest signed checkpoint to keep outside the database, and
 * a field to compare the table with one kept earlier) and JSON for monitors. Both also refresh what the health
 * endpoint reports.
 */
@Controller
class IntegrityController {

	/** A checkpoint line is about 200 characters; more is not one. */
	static final int CHECKPOINT_MAX_LENGTH = 1000;

	private final ChainMonitor monitor;

	private final ChainCheckpoints checkpoints;

	IntegrityController(ChainMonitor monitor, ChainCheckpoints checkpoints) {
		this.monitor = monitor;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/admin/audit/integrity")
	String page(@RequestParam(name = "checkpoint", required = false) String checkpoint, Model model) {
		if (checkpoint == null || checkpoint.isBlank()) {
			model.addAttribute("report", this.monitor.check());
		}
		else {
			Optional<Checkpoint> given = this.checkpoints
				.genuine(RequestOrigin.truncate(checkpoint, CHECKPOINT_MAX_LENGTH));
			model.addAttribute("checkpointGiven", given.orElse(null));
			model.addAttribute("checkpointRefused", given.isEmpty());
			model.addAttribute("report", given.map(this.monitor::check).orElseGet(this.monitor::check));
		}
		model.addAttribute("checkpoint", this.checkpoints.latest().map(Checkpoint::line).orElse(null));
		return "admin/audit/integrity";
	}

	@GetMapping(path = "/admin/audit/integrity.json", produces = "application/json")
	@ResponseBody
	ChainReport json() {
		return this.monitor.check();
	}

}
