package dev.mfaportal.helpdesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;

import dev.mfaportal.enrollment.AwsProblem;
import dev.mfaportal.enrollment.Device;
import dev.mfaportal.enrollment.DeviceList;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.enrollment.Removal;
import dev.mfaportal.identity.RecentSignIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Removing a lost device for an employee, in two steps as the employee's own removal: the admin's recent sign-in
 * (else {@code /reauthenticate}, which comes back to the confirmation with what was asked filled in), then a
 * confirmation page naming the employee and the device, whose form alone removes. A GET never changes anything.
 */
@Controller
class DeviceRemovalController {

	/** Below the 2,048 characters a "continue to" path may have, with room for the re-authentication's own. */
	private static final int CONTINUE_MAX_LENGTH = 1_800;

	private static final String EMPLOYEE_PAGE = "redirect:/admin/employees/{iamUser}";

	private final EmployeeDevices devices;

	private final DeviceRemoval removal;

	private final RecentSignIn recentSignIn;

	DeviceRemovalController(EmployeeDevices devices, DeviceRemoval removal, RecentSignIn recentSignIn) {
		this.devices = devices;
		this.removal = removal;
		this.recentSignIn = recentSignIn;
	}

	@GetMapping("/admin/employees/{iamUser}/devices/remove")
	String confirmation(@PathVariable String iamUser, @RequestParam(defaultValue = "") String serialNumber,
			@RequestParam(required = false) String reason, Principal admin, Model model, RedirectAttributes redirect) {
		HelpDeskController.checkName(iamUser);
		if (serialNumber.isBlank()) {
			// The removal form's address opened by hand or from history: nothing was chosen, show the employee.
			return "redirect:/admin/employees/" + iamUser;
		}
		this.removal.refuseUnlessMfaArn(admin.getName(), iamUser, serialNumber);
		String why = DeviceRemoval.reason(reason);
		if (!this.recentSignIn.isRecent()) {
			return "redirect:" + this.recentSignIn.reauthenticationUrl(confirmationPath(iamUser, serialNumber, why));
		}
		DeviceList listed = this.devices.list(iamUser);
		Optional<Device> device = listed.devices()
			.stream()
			.filter((candidate) -> candidate.serialNumber().equals(serialNumber))
			.findFirst();
		if (device.isEmpty()) {
			AwsProblem problem = listed.problem();
			return notice(redirect, serialNumber, (problem == null) ? RemovalNotice.NOT_THEIRS : RemovalNotice.notListed(problem), problem);
		}
		model.addAttribute("iamUser", iamUser);
		model.addAttribute("device", device.get());
		model.addAttribute("reason", why);
		return "helpdesk/confirm-removal";
	}

	/**
	 * Without {@code confirmed} (the employee page's form), or without a recent sign-in, this only leads to the
	 * confirmation; with both, and a reason, it removes.
	 */
	@PostMapping("/admin/employees/{iamUser}/devices/remove")
	String remove(@PathVariable String iamUser, @RequestParam String serialNumber,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean confirmed,
			Principal admin, RedirectAttributes redirect) {
		HelpDeskController.checkName(iamUser);
		this.removal.refuseUnlessMfaArn(admin.getName(), iamUser, serialNumber);
		String why = DeviceRemoval.reason(reason);
		String confirmation = confirmationPath(iamUser, serialNumber, why);
		if (!confirmed) {
			return "redirect:" + (this.recentSignIn.isRecent() ? confirmation
					: this.recentSignIn.reauthenticationUrl(confirmation));
		}
		if (why.isEmpty()) {
			this.removal.refused(admin.getName(), iamUser, serialNumber, why, "reason-missing");
			return notice(redirect, serialNumber, RemovalNotice.REASON_REQUIRED, null);
		}
		if (!this.recentSignIn.isRecent()) {
			this.removal.refused(admin.getName(), iamUser, serialNumber, why, "reauthentication-required");
			return "redirect:" + this.recentSignIn.reauthenticationUrl(confirmation);
		}
		Removal removed = this.removal.remove(admin.getName(), iamUser, serialNumber, why);
		if (removed.outcome() == Removal.Outcome.NOT_THEIRS) {
			this.removal.refused(admin.getName(), iamUser, serialNumber, why, "not-the-employees-device");
		}
		return notice(redirect, serialNumber, RemovalNotice.of(removed), removed.problem());
	}

	private static String notice(RedirectAttributes redirect, String serialNumber, RemovalNotice notice,
			AwsProblem problem) {
		redirect.addFlashAttribute("serial", serialNumber);
		redirect.addFlashAttribute("notice", notice);
		if (problem != null && problem.errorCode() != null) {
			redirect.addFlashAttribute("awsErrorCode", problem.errorCode());
		}
		if (problem != null && problem.requestId() != null) {
			redirect.addFlashAttribute("awsRequestId", problem.requestId());
		}
		return EMPLOYEE_PAGE;
	}

	/**
	 * The confirmation page with the employee, device and reason filled in. Slashes stay as they are (the
	 * "continue to" check refuses encoded ones); a reason too long for the path is left for the admin to type again.
	 */
	static String confirmationPath(String iamUser, String serialNumber, String reason) {
		String path = "/admin/employees/" + UriUtils.encodePathSegment(iamUser, StandardCharsets.UTF_8)
				+ "/devices/remove?serialNumber=" + queryValue(serialNumber);
		String withReason = path + "&reason=" + queryValue(reason);
		return (reason.isEmpty() || withReason.length() > CONTINUE_MAX_LENGTH || reason.indexOf('\\') >= 0) ? path
				: withReason;
	}

	private static String queryValue(String value) {
		// A space as %20, not +, which not every reader of a query decodes as a space.
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
	}

}
