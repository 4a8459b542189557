package dev.mfaportal.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.identity.Employee;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: who the employee is, which IAM user they act on, and their MFA devices. When AWS fails
 * the page still renders and says so (S28), with the request id support needs.
 */
@Controller
class HomeController {

	/** IAM allows at most this many MFA devices per user. */
	static final int DEVICE_LIMIT = 8;

	private static final Logger logger = LoggerFactory.getLogger(HomeController.class);

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final MfaDevices mfaDevices;

	HomeController(MfaDevices mfaDevices) {
		this.mfaDevices = mfaDevices;
	}

	@GetMapping("/")
	String home(Employee employee, Model model) {
		model.addAttribute("employee", employee);
		model.addAttribute("deviceLimit", DEVICE_LIMIT);
		try {
			List<DeviceRow> devices = this.mfaDevices.listAssigned(employee.iamUserName())
				.stream()
				.map(DeviceRow::of)
				.toList();
			model.addAttribute("devices", devices);
		}
		catch (AwsCallException ex) {
			logger.warn("Listing MFA devices of {} failed: {} (request id {})", employee.iamUserName(),
					ex.errorCode(), ex.requestId());
			model.addAttribute("awsProblem", ex.is(AwsCallException.Kind.UNAVAILABLE) ? "unavailable" : "failed");
			model.addAttribute("awsRequestId", ex.requestId());
		}
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

		static DeviceRow of(MfaDevice device) {
			String serial = device.serialNumber();
			String name = serial.substring(serial.lastIndexOf('/') + 1);
			if (device.enabledAt() == null) {
				return new DeviceRow(serial, name, null, null);
			}
			return new DeviceRow(serial, name, device.enabledAt().toString(), SHOWN.format(device.enabledAt()));
		}

	}

}
