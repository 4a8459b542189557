package dev.mfaportal.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Walks the chain on demand: a page for people (with the head hash to copy somewhere outside the database) and
 * JSON for monitors. Both also refresh what the health endpoint reports.
 */
@Controller
class IntegrityController {

	private final ChainMonitor monitor;

	IntegrityController(ChainMonitor monitor) {
		this.monitor = monitor;
	}

	@GetMapping("/admin/audit/integrity")
	String page(Model model) {
		model.addAttribute("report", this.monitor.check());
		return "admin/audit/integrity";
	}

	@GetMapping(path = "/admin/audit/integrity.json", produces = "application/json")
	@ResponseBody
	ChainReport json() {
		return this.monitor.check();
	}

}
