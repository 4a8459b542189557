package dev.mfaportal.credentials;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * A validated request for session credentials (S17 checks passed). Prints without its secrets.
 *
 * @param minted whether {@code key} is one the portal minted for this request (retried while it propagates)
 * @param sealedDevices the employee's devices as IAM listed them when the form was shown ({@link DeviceListSeal}),
 * or {@code null} when the form brought no valid seal and IAM must be asked
 */
record IssueRequest(String serialNumber, OneTimeCode code, Duration duration, AccessKey key, boolean minted,
		@Nullable Set<String> sealedDevices) {

	IssueRequest(String serialNumber, OneTimeCode code, Duration duration, AccessKey key) {
		this(serialNumber, code, duration, key, false, null);
	}

	IssueRequest withMintedKey(AccessKey mintedKey) {
		return new IssueRequest(this.serialNumber, this.code, this.duration, mintedKey, true, this.sealedDevices);
	}

	IssueRequest withSealedDevices(@Nullable Set<String> devices) {
		return new IssueRequest(this.serialNumber, this.code, this.duration, this.key, this.minted, devices);
	}

	/** Whether the sealed list already proves the device is the employee's, so IAM need not be asked (S6). */
	boolean sealedAsTheirs() {
		return this.sealedDevices != null && this.sealedDevices.contains(this.serialNumber);
	}

}
