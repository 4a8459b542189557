package dev.mfaportal.coverage;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/coverage}: the headline figure, the refresh state beside the last good report and its age, the
 * trend, and a page of the table; and the refresh button, which asks for a report in the background. Who may see
 * the page and who may press the button is the security chain's business; the page asks it which links to offer.
 */
@Controller
class CoverageController {

	private static final Logger logger = LoggerFactory.getLogger(CoverageController.class);

	static final String REFRESH = "/admin/coverage/refresh";

	private final CoverageSnapshots snapshots;

	private final RefreshStore refresh;

	private final CoverageTrend trend;

	private final ReportRefresh refresher;

	private final AuditLog auditLog;

	private final TaskExecutor executor;

	private final WebInvocationPrivilegeEvaluator privileges;

	private final Clock clock;

	private final CoverageProperties properties;

	CoverageController(CoverageSnapshots snapshots, RefreshStore refresh, CoverageTrend trend, ReportRefresh refresher,
			AuditLog auditLog,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
			WebInvocationPrivilegeEvaluator privileges, Clock clock, CoverageProperties properties) {
		this.snapshots = snapshots;
		this.refresh = refresh;
		this.trend = trend;
		this.refresher = refresher;
		this.auditLog = auditLog;
		this.executor = executor;
		this.privileges = privileges;
		this.clock = clock;
		this.properties = properties;
	}

	@GetMapping("/admin/coverage")
	String page(@ModelAttribute("filter") CoverageFilter requested, Authentication viewer, Model model) {
		Instant now = this.clock.instant();
		CoverageFilter filter = requested.normalised(this.properties.keyAgeDays());
		Optional<CoverageSnapshot> snapshot = this.snapshots.current();
		model.addAttribute("filter", filter);
		model.addAttribute("shows", CoverageFilter.SHOWS);
		model.addAttribute("sorts", CoverageFilter.SORTS);
		RefreshStatus status = this.refresh.status();
		Instant nextGeneration = status.nextGenerationAt(this.properties.generateInterval());
		ViewTime time = new ViewTime(now);
		model.addAttribute("time", time);
		model.addAttribute("status", status);
		model.addAttribute("nextGeneration", nextGeneration);
		// What the state messages may say: when, AWS's error code and request id, what was malformed, when next.
		model.addAttribute("stateArgs", Stream
			.of(time.time(status.at()), status.awsErrorCode(), status.awsRequestId(), status.detail(),
					time.time(nextGeneration))
			.map((arg) -> (arg != null && !arg.isEmpty()) ? arg : "—")
			.toArray());
		model.addAttribute("pathPrefix", this.properties.pathPrefix());
		model.addAttribute("chart", TrendChart.of(this.trend.lastDays(this.properties.trendDays()),
				LocalDate.ofInstant(now, ZoneOffset.UTC), this.properties.trendDays()));
		model.addAttribute("canRefresh", this.privileges.isAllowed(null, REFRESH, "POST", viewer));
		model.addAttribute("helpDesk", this.privileges.isAllowed("/admin/employees/help-desk", viewer));
		snapshot.ifPresent((current) -> {
			List<CoverageRow> matching = filter.apply(current, now);
			model.addAttribute("snapshot", current);
			model.addAttribute("counts", CoverageCounts.of(current.rows(), now, filter.days()));
			model.addAttribute("page", CoveragePage.of(matching, filter.page(), this.properties.pageSize()));
		});
		return "admin/coverage/page";
	}

	@PostMapping(REFRESH)
	String refresh(Principal admin, RedirectAttributes redirect) {
		this.auditLog.record(AuditEvent.of("coverage.refresh-requested", AuditOutcome.SUCCESS).portalUser(admin.getName()));
		this.executor.execute(() -> {
			try {
				this.refresher.requested();
				this.trend.recordToday();
			}
			catch (RuntimeException ex) {
				logger.error("Coverage refresh asked for by {} failed", admin.getName(), ex);
			}
		});
		redirect.addFlashAttribute("refreshStarted", true);
		return "redirect:/admin/coverage";
	}

}
