package dev.mfaportal.kernel;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What an MFA device's serial number looks like in IAM: the ARN of a virtual (or ARN-named hardware) device,
 * {@code arn:aws:iam::<12-digit account>:mfa/<path and name>}, at most 256 characters. A controller checks a
 * submitted serial with this before anything else (a bad one is answered with 400), so that only a plausible
 * value reaches AWS or the audit log.
 */
public final class MfaSerialNumbers {

	/** IAM's own limit on a serial number. */
	public static final int MAX_LENGTH = 256;

	private static final Pattern IAM_MFA_ARN = Pattern.compile("arn:aws:iam::\\d{12}:mfa/[\\w+=,.@/-]+");

	private MfaSerialNumbers() {
	}

	public static boolean isIamMfaArn(@Nullable String serial) {
		return serial != null && serial.length() <= MAX_LENGTH && IAM_MFA_ARN.matcher(serial).matches();
	}

}
