package dev.mfaportal.enrollment;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.mfaportal.identity.Employee;
import dev.mfaportal.identity.RecentSignIn;

/**
 * Resync and removal of one of the employee's devices. Removal weakens the account, so it needs a recent
 * sign-in, a confirmation step naming the device, and a current code of one of the employee's devices.
 */
@Controller
class DeviceController {

	private final DeviceActions actions;

	private final RecentSignIn recentSignIn;

	private final MessageSource messages;

	private final StepUpKeys keys;

	private final EmployeeDevices devices;

	DeviceController(DeviceActions actions, RecentSignIn recentSignIn, MessageSource messages, StepUpKeys keys,
			EmployeeDevices devices) {
		this.actions = actions;
		this.recentSignIn = recentSignIn;
		this.messages = messages;
		this.keys = keys;
		this.devices = devices;
	}

	@PostMapping("/mfa/devices/resync")
	String resync(Employee employee, @RequestParam(defaultValue = "") String serial,
			@RequestParam(defaultValue = "") String code1, @RequestParam(defaultValue = "") String code2,
			HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
		this.actions.refuseUnlessMfaArn(employee, serial, "resync");
		try {
			this.actions.resync(employee, serial, code1.trim(), code2.trim(), request.getRemoteAddr());
			notice(redirect, "enrollment.resync.done", employee, serial, locale);
		}
		catch (EnrollmentException ex) {
			problem(redirect, ex, locale);
		}
		return "redirect:/mfa";
	}

	/** The confirmation step: names the device and asks for a current code of any of the employee's devices. */
	@GetMapping("/mfa/devices/remove")
	String confirmRemoval(Employee employee, @RequestParam(defaultValue = "") String serial, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (serial.isBlank()) {
			// The address without a device: the removal form's own address, opened again after a sign-in.
			return "redirect:/mfa";
		}
		this.actions.refuseUnlessMfaArn(employee, serial, "remove");
		if (!this.recentSignIn.isRecent()) {
			return "redirect:" + this.recentSignIn.reauthenticationUrl(confirmationPath(serial));
		}
		try {
			return confirmationPage(employee, serial, this.actions.removable(employee, serial), model);
		}
		catch (EnrollmentException ex) {
			problem(redirect, ex, locale);
			return "redirect:/mfa";
		}
	}

	@PostMapping("/mfa/devices/remove")
	String remove(Employee employee, @RequestParam(defaultValue = "") String serial,
			@RequestParam(required = false) String codeSerial, @RequestParam(required = false) String code,
			@RequestParam(required = false) String accessKeyId, @RequestParam(required = false) String secretAccessKey,
			HttpServletRequest request, Model model, RedirectAttributes redirect, Locale locale) {
		this.actions.refuseUnlessMfaArn(employee, serial, "remove");
		if (!this.recentSignIn.isRecent()) {
			return "redirect:" + this.recentSignIn.reauthenticationUrl(confirmationPath(serial));
		}
		String proofSerial = (codeSerial == null || codeSerial.isBlank()) ? serial : codeSerial;
		try {
			this.actions.removeAfterStepUp(employee, serial,
					StepUpInput.of(proofSerial, code, accessKeyId, secretAccessKey), request.getRemoteAddr());
			notice(redirect, "enrollment.remove.done", employee, serial, locale);
			return "redirect:/mfa";
		}
		catch (EnrollmentException ex) {
			// The code and key are never echoed back (S5); the page asks for a fresh code.
			model.addAttribute("problem", this.messages.getMessage(ex.userMessage(), locale));
			model.addAttribute("awsRequestId", ex.awsRequestId());
			try {
				return confirmationPage(employee, serial, this.actions.listed(employee), model);
			}
			catch (EnrollmentException listing) {
				problem(redirect, ex, locale);
				return "redirect:/mfa";
			}
		}
	}

	private String confirmationPage(Employee employee, String serial, DeviceList assigned, Model model) {
		model.addAttribute("serial", serial);
		model.addAttribute("label", this.devices.label(employee.iamUserName(), serial));
		model.addAttribute("devices", assigned.devices());
		model.addAttribute("asksForKey", this.keys.asksForKey());
		return "enrollment/remove";
	}

	static String confirmationPath(String serial) {
		// encode() leaves "+" alone in a query (it is legal there), but the servlet reads it as a space, and IAM
		// allows "+" in a device's path and name: encoded after the rest, so every "+" left is the serial's.
		return UriComponentsBuilder.fromPath("/mfa/devices/remove")
			.queryParam("serial", serial)
			.encode()
			.toUriString()
			.replace("+", "%2B");
	}

	/** The notice names the device by its label; the page shows its ARN beside. */
	private void notice(RedirectAttributes redirect, String code, Employee employee, String serial, Locale locale) {
		String label = this.devices.label(employee.iamUserName(), serial);
		redirect.addFlashAttribute("notice", this.messages.getMessage(code, new Object[] { label }, locale));
		redirect.addFlashAttribute("noticeSerial", serial);
	}

	private void problem(RedirectAttributes redirect, EnrollmentException ex, Locale locale) {
		redirect.addFlashAttribute("problem", this.messages.getMessage(ex.userMessage(), locale));
		redirect.addFlashAttribute("awsRequestId", ex.awsRequestId());
	}

}
