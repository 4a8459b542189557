package dev.mfaportal.enrollment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The MFA devices of one IAM user, or, when AWS could not list them, none and why: a page still renders and
 * says so (S28).
 *
 * @param devices the devices, empty when {@code problem} is set
 * @param problem why AWS did not list them, {@code null} when it did
 * @param limit how many devices the user may have ({@code portal.enrollment.max-devices})
 */
public record DeviceList(List<Device> devices, @Nullable AwsProblem problem, int limit) {

	public DeviceList {
		devices = List.copyOf(devices);
	}

	public boolean listed() {
		return this.problem == null;
	}

	/** Whether no further device may be added. */
	public boolean atLimit() {
		return this.devices.size() >= this.limit;
	}

	public boolean contains(@Nullable String serialNumber) {
		return this.devices.stream().anyMatch((device) -> device.serialNumber().equals(serialNumber));
	}

}
