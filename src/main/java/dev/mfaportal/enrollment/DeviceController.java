package dev.mfaportal.enrollment;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mfaportal.identity.Employee;
import dev.mfaportal.identity.RecentSignIn;

/**
 * Resync and removal of one of the employee's devices. Removal weakens the account, so it needs a
 * recent sign-in.
 */
@Controller
class DeviceController {

	private final DeviceActions actions;

	private final RecentSignIn recentSignIn;

	private final MessageSource messages;

	DeviceController(DeviceActions actions, RecentSignIn recentSignIn, MessageSource messages) {
		this.actions = actions;
		this.recentSignIn = recentSignIn;
		this.messages = messages;
	}

	@PostMapping("/mfa/devices/resync")
	String resync(Employee employee, @RequestParam(defaultValue = "") String serial,
			@RequestParam(defaultValue = "") String code1, @RequestParam(defaultValue = "") String code2,
			HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
		this.actions.refuseUnlessMfaArn(employee, serial, "resync");
		try {
			this.actions.resync(employee, serial, code1.trim(), code2.trim(), request.getRemoteAddr());
			notice(redirect, "enrollment.resync.done", serial, locale);
		}
		catch (EnrollmentException ex) {
			problem(redirect, ex, locale);
		}
		return "redirect:/mfa";
	}

	@PostMapping("/mfa/devices/remove")
	String remove(Employee employee, @RequestParam(defaultValue = "") String serial, RedirectAttributes redirect,
			Locale locale) {
		this.actions.refuseUnlessMfaArn(employee, serial, "remove");
		if (!this.recentSignIn.isRecent()) {
			return "redirect:" + this.recentSignIn.reauthenticationUrl("/mfa");
		}
		try {
			this.actions.remove(employee, serial);
			notice(redirect, "enrollment.remove.done", serial, locale);
		}
		catch (EnrollmentException ex) {
			problem(redirect, ex, locale);
		}
		return "redirect:/mfa";
	}

	private void notice(RedirectAttributes redirect, String code, String serial, Locale locale) {
		redirect.addFlashAttribute("notice", this.messages.getMessage(code, new Object[] { serial }, locale));
	}

	private void problem(RedirectAttributes redirect, EnrollmentException ex, Locale locale) {
		redirect.addFlashAttribute("problem", this.messages.getMessage(ex.userMessage(), locale));
		redirect.addFlashAttribute("awsRequestId", ex.awsRequestId());
	}

}
