package dev.mfaportal.credentials;

import java.time.Duration;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * A validated request for session credentials (S17 checks passed). Prints without its secrets.
 */
record IssueRequest(String serialNumber, OneTimeCode code, Duration duration, AccessKey key) {
}
