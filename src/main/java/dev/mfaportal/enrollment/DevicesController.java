package dev.mfaportal.enrollment;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mfaportal.aws.AwsUnavailableException;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.identity.Employee;

/**
 * The devices page: the employee's MFA devices, how many of the allowed number are used, and the start of
 * an enrollment.
 */
@Controller
class DevicesController {

	private final MfaDevices devices;

	private final EnrollmentProperties properties;

	DevicesController(MfaDevices devices, EnrollmentProperties properties) {
		this.devices = devices;
		this.properties = properties;
	}

	@GetMapping("/mfa")
	String devices(Employee employee, Model model) {
		List<MfaDevice> assigned;
		try {
			assigned = this.devices.listAssigned(employee.iamUserName());
		}
		catch (AwsUnavailableException ex) {
			assigned = List.of();
			model.addAttribute("awsUnavailable", true);
			model.addAttribute("awsRequestId", ex.requestId());
		}
		model.addAttribute("employee", employee);
		model.addAttribute("devices", assigned);
		model.addAttribute("maxDevices", this.properties.maxDevices());
		model.addAttribute("atLimit", assigned.size() >= this.properties.maxDevices());
		model.addAttribute("labelPattern", DeviceNames.ALLOWED.pattern());
		model.addAttribute("labelMaxLength", DeviceNames.MAX_LABEL_LENGTH);
		return "enrollment/devices";
	}

}
