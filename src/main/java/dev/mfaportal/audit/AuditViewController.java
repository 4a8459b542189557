package dev.mfaportal.audit;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin audit view: newest first, filtered, a page at a time by keyset, with a per-day chart; and one
 * event in full. Access is the security chain's business ({@code /admin/**} needs the admin role).
 */
@Controller
class AuditViewController {

	/** Offered as suggestions in the action filter; any action can still be typed. */
	private final AuditQueries queries;

	private final DailyCounts counts;

	private final AuditProperties properties;

	AuditViewController(AuditQueries queries, DailyCounts counts, AuditProperties properties) {
		this.queries = queries;
		this.counts = counts;
		this.properties = properties;
	}

	@GetMapping("/admin/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) Long before,
			@RequestParam(name = "zone", required = false) String chosenZone, Model model) {
		AuditQueries.AuditPage page = this.queries.page(filter, before, this.properties.pageSize());
		LocalDate today = LocalDate.now(filter.zoneId());
		model.addAttribute("page", page);
		model.addAttribute("chart", DailyChart.of(this.counts.count(filter, today, this.properties.chartMaxDays())));
		model.addAttribute("query", filter.queryString());
		model.addAttribute("zoneId", filter.zoneId());
		model.addAttribute("zoneExplicit", chosenZone != null);
		model.addAttribute("before", before);
		model.addAttribute("outcomes", AuditOutcome.values());
		model.addAttribute("knownActions", this.queries.knownActions());
		model.addAttribute("series", List.of(DailyChart.SERIES));
		return "admin/audit/list";
	}

	@GetMapping("/admin/audit/{id}")
	String detail(@PathVariable long id, @ModelAttribute("filter") AuditFilter filter, Model model) {
		AuditRow row = this.queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("row", row);
		model.addAttribute("zoneId", filter.zoneId());
		model.addAttribute("detailJson", JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(row.detail()));
		return "admin/audit/detail";
	}

}
