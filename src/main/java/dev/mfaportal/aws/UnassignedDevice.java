package dev.mfaportal.aws;

/**
 * A virtual MFA device that exists in the account but is assigned to nobody.
 */
public record UnassignedDevice(String serialNumber) {
}
