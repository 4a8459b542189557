package dev.mfaportal.helpdesk;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.enrollment.DeviceList;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.identity.IamLookupFailedException;
import dev.mfaportal.identity.IamUserLookup;
import dev.mfaportal.identity.IamUserLookup.IamUser;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/employees}: finding an employee by IAM user name, and {@code /admin/employees/{iamUser}}, their
 * devices and recent events. The one place where an IAM user name comes from a request, because the help desk
 * acts for someone else here; the security chain limits these pages to the help desk and admins, and the name
 * must be a valid IAM user name.
 */
@Controller
class HelpDeskController {

	/** IAM's own rule for user names. */
	static final Pattern IAM_USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

	static final int RECENT_EVENTS = 20;

	private final EmployeeDevices devices;

	private final AuditHistory history;

	private final IamUserLookup iamUsers;

	HelpDeskController(EmployeeDevices devices, AuditHistory history, IamUserLookup iamUsers) {
		this.devices = devices;
		this.history = history;
		this.iamUsers = iamUsers;
	}

	/**
	 * The search box. IAM user names are unique regardless of case and IAM finds a user however the name is
	 * written, so the employee page opens under IAM's own spelling.
	 */
	@GetMapping("/admin/employees")
	String search(@RequestParam(required = false) String iamUser, Model model, RedirectAttributes redirect) {
		String name = (iamUser != null) ? iamUser.strip() : "";
		model.addAttribute("iamUser", name);
		if (name.isEmpty()) {
			return "helpdesk/search";
		}
		if (!IAM_USER_NAME.matcher(name).matches()) {
			model.addAttribute("searchProblem", "admin.employee.badName");
			return "helpdesk/search";
		}
		Optional<IamUser> found;
		try {
			found = this.iamUsers.find(name);
		}
		catch (IamLookupFailedException ex) {
			model.addAttribute("searchProblem", "admin.search.failed");
			return "helpdesk/search";
		}
		if (found.isEmpty()) {
			model.addAttribute("searchProblem", "admin.employee.no-such-user");
			return "helpdesk/search";
		}
		redirect.addAttribute("iamUser", found.get().name());
		return "redirect:/admin/employees/{iamUser}";
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

	static void checkName(String iamUser) {
		if (!IAM_USER_NAME.matcher(iamUser).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

}
