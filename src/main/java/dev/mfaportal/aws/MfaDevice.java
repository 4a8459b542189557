package dev.mfaportal.aws;

import java.time.Instant;

/**
 * An MFA device assigned to an IAM user, as {@code ListMFADevices} reports it.
 */
public record MfaDevice(String serialNumber, String userName, Instant enabledAt) {
}
