package dev.mfaportal.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.mfaportal.enrollment.Enrollments.StartedEnrollment;
import dev.mfaportal.identity.Employee;

/**
 * Start, scan, activate and cancel. The scan page is the answer to the start POST itself (never a
 * redirect), so the sealed token and the seed never travel in a URL and are never cached (S4, S5).
 * Activation answers without the session (a redirect naming the new device, or the devices page itself):
 * two activations racing in one session must each get their own message (S19), and flash attributes in a
 * shared session would let one overwrite the other.
 */
@Controller
class EnrollmentController {

	private final Enrollments enrollments;

	private final Activations activations;

	private final EnrollmentProperties properties;

	private final MessageSource messages;

	private final DevicesView devices;

	private final EmployeeDevices employeeDevices;

	private final Clock clock;

	EnrollmentController(Enrollments enrollments, Activations activations, EnrollmentProperties properties,
			MessageSource messages, DevicesView devices, EmployeeDevices employeeDevices, Clock clock) {
		this.enrollments = enrollments;
		this.activations = activations;
		this.properties = properties;
		this.messages = messages;
		this.devices = devices;
		this.employeeDevices = employeeDevices;
		this.clock = clock;
	}

	@PostMapping("/mfa/enrollment")
	String start(Employee employee, @RequestParam(required = false) String label,
			@RequestParam(required = false) String serial, @RequestParam(required = false) String code,
			@RequestParam(required = false) String accessKeyId, @RequestParam(required = false) String secretAccessKey,
			HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) {
		try {
			StepUpInput stepUp = StepUpInput.of(serial, code, accessKeyId, secretAccessKey);
			return scanPage(this.enrollments.start(employee, label, stepUp, request.getRemoteAddr()), model,
					response);
		}
		catch (EnrollmentException ex) {
			return backToDevices(ex, redirect, locale);
		}
	}

	@PostMapping("/mfa/enrollment/activate")
	String activate(Employee employee, @RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String code1, @RequestParam(defaultValue = "") String code2,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		try {
			PendingEnrollment pending = this.activations.activate(employee, token, code1.trim(), code2.trim(),
					request.getRemoteAddr());
			return "redirect:" + UriComponentsBuilder.fromPath("/mfa")
				.queryParam("enrolled", pending.serialNumber())
				.encode()
				.toUriString();
		}
		catch (EnrollmentException ex) {
			if (ex.startAgain()) {
				return devicesWithProblem(employee, ex, model, locale);
			}
			// The codes are never echoed back (S5); the QR code and key come from the token again.
			model.addAttribute("problem", this.messages.getMessage(ex.userMessage(), locale));
			model.addAttribute("awsRequestId", ex.awsRequestId());
			try {
				return scanPage(this.enrollments.reopen(employee, token), model, response);
			}
			catch (EnrollmentException expired) {
				return devicesWithProblem(employee, expired, model, locale);
			}
		}
	}

	@PostMapping("/mfa/enrollment/cancel")
	String cancel(Employee employee, @RequestParam(defaultValue = "") String token, RedirectAttributes redirect,
			Locale locale) {
		try {
			// Only a device AWS deleted is reported deleted; otherwise the page says it will be, later (S35).
			String notice = this.enrollments.cancel(employee, token).deleted() ? "enrollment.cancel.done"
					: "enrollment.cancel.not-deleted";
			redirect.addFlashAttribute("notice", this.messages.getMessage(notice, null, locale));
		}
		catch (EnrollmentException ex) {
			return backToDevices(ex, redirect, locale);
		}
		return "redirect:/mfa";
	}

	private String scanPage(StartedEnrollment started, Model model, HttpServletResponse response) {
		PendingEnrollment pending = started.pending();
		String seed = pending.seed().reveal();
		String uri = QrCodes.otpauthUri(this.properties.issuer(), pending.iamUser(), started.accountName(), seed);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("qrCode", QrCodes.pngDataUri(uri));
		model.addAttribute("otpauthUri", uri);
		model.addAttribute("secretGroups", QrCodes.inGroupsOfFour(seed));
		model.addAttribute("token", started.token());
		model.addAttribute("iamUser", pending.iamUser());
		model.addAttribute("serial", pending.serialNumber());
		model.addAttribute("label", this.employeeDevices.label(pending.iamUser(), pending.serialNumber()));
		Instant expiresAt = pending.createdAt().plus(this.properties.tokenLifetime());
		model.addAttribute("expiresAt", expiresAt);
		model.addAttribute("secondsLeft", Math.max(0, Duration.between(this.clock.instant(), expiresAt).toSeconds()));
		return "enrollment/scan";
	}

	private String devicesWithProblem(Employee employee, EnrollmentException ex, Model model, Locale locale) {
		model.addAttribute("problem", this.messages.getMessage(ex.userMessage(), locale));
		model.addAttribute("awsRequestId", ex.awsRequestId());
		return this.devices.render(employee, null, model);
	}

	private String backToDevices(EnrollmentException ex, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("problem", this.messages.getMessage(ex.userMessage(), locale));
		redirect.addFlashAttribute("awsRequestId", ex.awsRequestId());
		return "redirect:/mfa";
	}

}
