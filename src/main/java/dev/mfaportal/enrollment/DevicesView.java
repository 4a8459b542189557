package dev.mfaportal.enrollment;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.identity.Employee;

/**
 * Fills the devices page: the employee's devices, how many of the allowed number are used, and the start
 * form. Shared by the page itself and by answers that end an enrollment.
 */
@Component
class DevicesView {

	static final String NAME = "enrollment/devices";

	private final MfaDevices devices;

	private final EnrollmentProperties properties;

	DevicesView(MfaDevices devices, EnrollmentProperties properties) {
		this.devices = devices;
		this.properties = properties;
	}

	/**
	 * @param enrolledSerial a device just activated; the success message shows only when it is really one of
	 * the employee's devices, so a crafted link cannot announce one
	 */
	String render(Employee employee, String enrolledSerial, Model model) {
		List<MfaDevice> assigned;
		try {
			assigned = this.devices.listAssigned(employee.iamUserName());
		}
		catch (AwsCallException ex) {
			if (!ex.is(AwsCallException.Kind.UNAVAILABLE)) {
				throw ex;
			}
			assigned = List.of();
			model.addAttribute("awsUnavailable", true);
			model.addAttribute("listRequestId", ex.requestId());
		}
		if (enrolledSerial != null
				&& assigned.stream().anyMatch((device) -> device.serialNumber().equals(enrolledSerial))) {
			model.addAttribute("enrolledSerial", enrolledSerial);
		}
		model.addAttribute("employee", employee);
		model.addAttribute("devices", assigned);
		model.addAttribute("maxDevices", this.properties.maxDevices());
		model.addAttribute("atLimit", assigned.size() >= this.properties.maxDevices());
		model.addAttribute("labelPattern", DeviceNames.ALLOWED.pattern());
		model.addAttribute("labelMaxLength", DeviceNames.MAX_LABEL_LENGTH);
		return NAME;
	}

}
