package dev.mfaportal.enrollment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An MFA device assigned to an IAM user, as the portal's pages show it.
 *
 * @param serialNumber the device ARN, {@code arn:aws:iam::<account>:mfa/<path><name>}
 * @param enabledAt when it was enabled, when AWS says
 * @param label what the employee called it when adding it: shown first, the ARN beside it
 */
public record Device(String serialNumber, @Nullable Instant enabledAt, String label) {

	/** A device known by its name alone. */
	public Device(String serialNumber, @Nullable Instant enabledAt) {
		this(serialNumber, enabledAt, serialNumber.substring(serialNumber.lastIndexOf('/') + 1));
	}

	/** The last part of the ARN: what the employee recognises. */
	public String name() {
		return this.serialNumber.substring(this.serialNumber.lastIndexOf('/') + 1);
	}

}
