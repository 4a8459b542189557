package dev.mfaportal.helpdesk;

import java.security.Principal;
import java.util.regex.Pattern;

import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.enrollment.AwsProblem;
import dev.mfaportal.enrollment.DeviceList;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.enrollment.Removal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/employees/{iamUser}}: the one place where an IAM user name comes from a request, because an
 * admin acts for someone else here; the security chain limits {@code /admin/**} to the admin role, and the
 * name must be a valid IAM user name.
 */
@Controller
class HelpDeskController {

	/** IAM's own rule for user names. */
	static final Pattern IAM_USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

	static final int RECENT_EVENTS = 20;

	private final EmployeeDevices devices;

	private final AuditHistory history;

	private final DeviceRemoval removal;

	HelpDeskController(EmployeeDevices devices, AuditHistory history, DeviceRemoval removal) {
		this.devices = devices;
		this.history = history;
		this.removal = removal;
	}

	@GetMapping("/admin/employees/{iamUser}")
	String employee(@PathVariable String iamUser, Model model) {
		checkName(iamUser);
		DeviceList devices = this.devices.list(iamUser);
		model.addAttribute("iamUser", iamUser);
		model.addAttribute("devices", devices.devices());
		model.addAttribute("listProblem", devices.problem());
		model.addAttribute("events", this.history.recentForIamUser(iamUser, RECENT_EVENTS));
		return "helpdesk/employee";
	}

	@PostMapping("/admin/employees/{iamUser}/devices/remove")
	String remove(@PathVariable String iamUser, @RequestParam String serialNumber,
			@RequestParam(required = false) String reason, Principal admin, RedirectAttributes redirect) {
		checkName(iamUser);
		redirect.addFlashAttribute("serial", serialNumber);
		if (!StringUtils.hasText(reason)) {
			redirect.addFlashAttribute("notice", RemovalNotice.REASON_REQUIRED);
			return "redirect:/admin/employees/{iamUser}";
		}
		Removal removed = this.removal.remove(admin.getName(), iamUser, serialNumber, reason.strip());
		redirect.addFlashAttribute("notice", RemovalNotice.of(removed));
		AwsProblem problem = removed.problem();
		if (problem != null && problem.errorCode() != null) {
			redirect.addFlashAttribute("awsErrorCode", problem.errorCode());
		}
		if (problem != null && problem.requestId() != null) {
			redirect.addFlashAttribute("awsRequestId", problem.requestId());
		}
		return "redirect:/admin/employees/{iamUser}";
	}

	private static void checkName(String iamUser) {
		if (!IAM_USER_NAME.matcher(iamUser).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

}
