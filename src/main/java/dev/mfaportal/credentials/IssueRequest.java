package dev.mfaportal.credentials;

import java.time.Duration;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * A validated request for session credentials (S17 checks passed). Prints without its secrets.
 *
 * @param minted whether {@code key} is one the portal minted for this request (retried while it propagates)
 */
record IssueRequest(String serialNumber, OneTimeCode code, Duration duration, AccessKey key, boolean minted) {

	IssueRequest(String serialNumber, OneTimeCode code, Duration duration, AccessKey key) {
		this(serialNumber, code, duration, key, false);
	}

	IssueRequest withMintedKey(AccessKey mintedKey) {
		return new IssueRequest(this.serialNumber, this.code, this.duration, mintedKey, true);
	}

}
