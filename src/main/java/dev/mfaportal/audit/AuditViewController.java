package dev.mfaportal.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
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

	private final Clock clock;

	AuditViewController(AuditQueries queries, DailyCounts counts, AuditProperties properties, Clock clock) {
		this.queries = queries;
		this.counts = counts;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/admin/audit")
	String list(@ModelAttribute("filter") @Nullable AuditFilter bound, BindingResult errors,
			@RequestParam(required = false) Long before, @RequestParam(name = "zone", required = false) String chosenZone,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		// A day that is not a date leaves no filter bound: the form comes back with what else was asked.
		AuditFilter filter = (bound != null) ? bound : AuditFilter.ofTextFields(request);
		if (bound == null) {
			// Replacing the attribute drops its binding result, so the form's field errors move along with it.
			BindingResult kept = new BeanPropertyBindingResult(filter, "filter");
			kept.addAllErrors(errors);
			model.addAttribute("filter", filter);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "filter", kept);
		}
		if (!errors.hasErrors() && AuditFilterCheck.check(filter, errors)) {
			LocalDate today = LocalDate.now(this.clock.withZone(filter.zoneId()));
			model.addAttribute("page", this.queries.page(filter, before, this.properties.pageSize()));
			model.addAttribute("chart", DailyChart.of(this.counts.count(filter, today, this.properties.chartMaxDays())));
		}
		else {
			// The form comes back with its field errors, and nothing is queried with what it refused.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", new AuditQueries.AuditPage(List.of(), null));
			model.addAttribute("chart", DailyChart.of(List.of()));
		}
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
