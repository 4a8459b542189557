package dev.mfaportal.enrollment;

import java.time.Instant;

import dev.mfaportal.aws.Secret;

/**
 * An enrollment between start and activation: what the sealed token carries, and nothing the server keeps.
 *
 * @param serialNumber the new, unassigned device
 * @param iamUser the IAM user it is for
 * @param portalUser the employee who started it
 * @param seed the Base32 seed, shown once in the QR code and the manual-entry field
 * @param createdAt when the device was created
 */
record PendingEnrollment(String serialNumber, String iamUser, String portalUser, Secret seed, Instant createdAt) {
}
