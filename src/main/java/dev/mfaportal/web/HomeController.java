package dev.mfaportal.web;

import dev.mfaportal.enrollment.Device;
import dev.mfaportal.enrollment.DeviceList;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.identity.Employee;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: who the employee is, which IAM user they act on, and their MFA devices out of the number
 * allowed. When AWS fails the page still renders and says so (S28), with the request id support needs. Someone
 * without a self-service role (an auditor alone) gets the pages they may read instead, and no AWS call.
 */
@Controller
class HomeController {

	private final EmployeeDevices devices;

	private final ShownTimes times;

	HomeController(EmployeeDevices devices, ShownTimes times) {
		this.devices = devices;
		this.times = times;
	}

	@GetMapping("/")
	String home(Employee employee, Model model) {
		model.addAttribute("employee", employee);
		if (!employee.selfService()) {
			return "web/home";
		}
		DeviceList list = this.devices.list(employee.iamUserName());
		model.addAttribute("deviceLimit", list.limit());
		if (list.listed()) {
			model.addAttribute("devices", list.devices().stream().map((device) -> DeviceRow.of(device, this.times)).toList());
		}
		model.addAttribute("awsProblem", list.problem());
		return "web/home";
	}

	/**
	 * One device as the page shows it.
	 *
	 * @param serialNumber the device ARN
	 * @param label what the employee called the device
	 * @param enabledAt ISO-8601 for {@code <time datetime>}, or {@code null}
	 * @param enabledAtText how the page prints it: in the reader's zone, naming it
	 */
	record DeviceRow(String serialNumber, String label, String enabledAt, String enabledAtText) {

		static DeviceRow of(Device device, ShownTimes times) {
			if (device.enabledAt() == null) {
				return new DeviceRow(device.serialNumber(), device.label(), null, null);
			}
			return new DeviceRow(device.serialNumber(), device.label(), device.enabledAt().toString(),
					times.dateTime(device.enabledAt()));
		}

	}

}
