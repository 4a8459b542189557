package dev.mfaportal.credentials;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.mfaportal.enrollment.Device;
import dev.mfaportal.enrollment.DeviceList;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.identity.Employee;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The credentials form and the result page. The result is the answer to the POST itself: it is shown
 * once, never cached (S4), and nothing of it is kept; its download buttons post a seal back.
 */
@Controller
@RequestMapping("/credentials")
class CredentialsController {

	static final String FORM_VIEW = "credentials/form";

	static final String ISSUED_VIEW = "credentials/issued";

	private final EmployeeDevices devices;

	private final DurationChoices durations;

	private final CredentialsIssuer issuer;

	private final CredentialFiles files;

	private final SessionSeal seal;

	private final KeylessIssuance keyless;

	private final DeviceListSeal deviceSeal;

	CredentialsController(EmployeeDevices devices, DurationChoices durations, CredentialsIssuer issuer,
			CredentialFiles files, SessionSeal seal, KeylessIssuance keyless, DeviceListSeal deviceSeal) {
		this.keyless = keyless;
		this.deviceSeal = deviceSeal;
		this.devices = devices;
		this.durations = durations;
		this.issuer = issuer;
		this.files = files;
		this.seal = seal;
	}

	@GetMapping
	String form(Employee employee, Model model, HttpServletRequest request, HttpServletResponse response) {
		CredentialsForm form = new CredentialsForm();
		form.setDurationSeconds(this.durations.defaultValue());
		return showForm(employee, form, model, request, response);
	}

	@PostMapping
	String issue(Employee employee, @ModelAttribute("credentialsForm") CredentialsForm form, BindingResult errors,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		String mintedKey = form.takeMintedKey();
		Optional<IssueRequest> valid = form.validate(this.durations, errors, this.keyless.keySource())
			.map((ok) -> ok.withSealedDevices(this.deviceSeal.open(employee, form.getSealedDevices())));
		if (valid.isEmpty() && errors.hasFieldErrors("serialNumber") && StringUtils.hasLength(form.getSerialNumber())) {
			this.issuer.refuseInvalidSerial(employee, form.getSerialNumber());
		}
		IssuedSession session;
		try {
			// A minted key is deleted whatever happens to the request, a refusal of the form's fields included.
			session = this.keyless.enabled() ? this.keyless.issue(employee, mintedKey, valid, request)
					: valid.map((ok) -> this.issuer.issue(employee, ok, request.getRemoteAddr())).orElse(null);
		}
		catch (IssueRefusedException ex) {
			Refusal refusal = ex.refusal();
			if (refusal.field() != null) {
				errors.rejectValue(refusal.field(), refusal.messageCode(), ex.arguments(), null);
			}
			else {
				errors.reject(refusal.messageCode(), ex.arguments(), null);
			}
			response.setStatus(refusal.status().value());
			return showForm(employee, form, model, request, response);
		}
		if (session == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(employee, form, model, request, response);
		}
		Map<CredentialFormat, String> texts = new LinkedHashMap<>();
		for (CredentialFormat format : CredentialFormat.values()) {
			texts.put(format, this.files.render(format, session));
		}
		model.addAttribute("issued", session);
		model.addAttribute("expiration", CredentialFiles.iso(session.expiration()));
		model.addAttribute("expiresAt", session.expiration());
		// The duration asked for: AWS's expiry minus the portal's issue time is a little under it ("11 h 59 min").
		model.addAttribute("lifetime",
				DurationChoices.describe(valid.map(IssueRequest::duration).orElseGet(session::lifetime)));
		model.addAttribute("files", texts);
		model.addAttribute("profileName", this.files.profileName());
		model.addAttribute("sealed", this.seal.seal(session));
		return ISSUED_VIEW;
	}

	@ModelAttribute("devicesUnavailable")
	boolean devicesAvailableUnlessSaidOtherwise() {
		return false;
	}

	private String showForm(Employee employee, CredentialsForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		// The form page never carries a secret, but its error answers follow the result page's rule.
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("credentialsForm", form);
		DeviceList devices = this.devices.list(employee.iamUserName());
		if (!devices.listed()) {
			// The page still answers (S28): it says AWS is not answering instead of offering a form.
			model.addAttribute("devicesUnavailable", true);
			if (response.getStatus() < 400) {
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			}
		}
		model.addAttribute("devices", devices.devices());
		if (devices.listed()) {
			model.addAttribute("sealedDevices",
					this.deviceSeal.seal(employee, devices.devices().stream().map(Device::serialNumber).toList()));
		}
		// The device the select shows chosen (the one sent, else the first), whose ARN the hint below it names.
		model.addAttribute("selectedSerial", devices.contains(form.getSerialNumber()) ? form.getSerialNumber()
				: devices.devices().stream().findFirst().map(Device::serialNumber).orElse(null));
		model.addAttribute("durationOptions", this.durations.options());
		model.addAttribute("keyless", this.keyless.enabled());
		if (this.keyless.enabled() && devices.listed() && !devices.devices().isEmpty()) {
			// Minted now, so that the key has propagated by the time the employee has typed the code.
			this.keyless.offer(employee, request, model, response);
		}
		return FORM_VIEW;
	}

}
