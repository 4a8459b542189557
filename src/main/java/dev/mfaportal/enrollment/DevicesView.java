package dev.mfaportal.enrollment;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mfaportal.identity.Employee;

/**
 * Fills the devices page: the employee's devices, how many of the allowed number are used, and the start
 * form. Shared by the page itself and by answers that end an enrollment.
 */
@Component
class DevicesView {

	static final String NAME = "enrollment/devices";

	private final EmployeeDevices devices;

	private final StepUpKeys keys;

	DevicesView(EmployeeDevices devices, StepUpKeys keys) {
		this.devices = devices;
		this.keys = keys;
	}

	/**
	 * @param enrolledSerial a device just activated; the success message shows only when it is really one of
	 * the employee's devices, so a crafted link cannot announce one
	 */
	String render(Employee employee, String enrolledSerial, Model model) {
		DeviceList assigned = this.devices.list(employee.iamUserName());
		if (assigned.contains(enrolledSerial)) {
			model.addAttribute("enrolledSerial", enrolledSerial);
			model.addAttribute("enrolledLabel", this.devices.label(employee.iamUserName(), enrolledSerial));
		}
		model.addAttribute("employee", employee);
		model.addAttribute("devices", assigned.devices());
		model.addAttribute("listProblem", assigned.problem());
		model.addAttribute("maxDevices", assigned.limit());
		model.addAttribute("atLimit", assigned.atLimit());
		model.addAttribute("labelPattern", DeviceNames.ALLOWED.pattern());
		model.addAttribute("labelMaxLength", DeviceNames.MAX_LABEL_LENGTH);
		model.addAttribute("asksForKey", this.keys.asksForKey());
		return NAME;
	}

}
