package dev.mfaportal.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.mfaportal.enrollment.Device;
import dev.mfaportal.enrollment.DeviceList;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.identity.Employee;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: who the employee is, which IAM user they act on, and their MFA devices out of the number
 * allowed. When AWS fails the page still renders and says so (S28), with the request id support needs.
 */
@Controller
class HomeController {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final EmployeeDevices devices;

	HomeController(EmployeeDevices devices) {
		this.devices = devices;
	}

	@GetMapping("/")
	String home(Employee employee, Model model) {
		DeviceList list = this.devices.list(employee.iamUserName());
		model.addAttribute("employee", employee);
		model.addAttribute("deviceLimit", list.limit());
		if (list.listed()) {
			model.addAttribute("devices", list.devices().stream().map(DeviceRow::of).toList());
		}
		model.addAttribute("awsProblem", list.problem());
		return "web/home";
	}

	/**
	 * One device as the page shows it.
	 *
	 * @param serialNumber the device ARN
	 * @param name the last part of the ARN, what the employee recognises
	 * @param enabledAt ISO-8601 for {@code <time datetime>}, or {@code null}
	 * @param enabledAtText how the page prints it
	 */
	record DeviceRow(String serialNumber, String name, String enabledAt, String enabledAtText) {

		static DeviceRow of(Device device) {
			if (device.enabledAt() == null) {
				return new DeviceRow(device.serialNumber(), device.name(), null, null);
			}
			return new DeviceRow(device.serialNumber(), device.name(), device.enabledAt().toString(),
					SHOWN.format(device.enabledAt()));
		}

	}

}
