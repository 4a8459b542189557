package dev.mfaportal.enrollment;

import java.time.Instant;
import java.util.Set;

import dev.mfaportal.kernel.Secret;

/**
 * An enrollment between start and activation: what the sealed token carries, and nothing the server keeps.
 *
 * @param serialNumber the new, unassigned device
 * @param iamUser the IAM user it is for
 * @param portalUser the employee who started it
 * @param seed the Base32 seed, shown once in the QR code and the manual-entry field
 * @param createdAt when the device was created
 * @param devicesAtStart the serials already assigned to the IAM user at start; any other one found at
 * activation means another enrollment finished meanwhile (S19)
 */
record PendingEnrollment(String serialNumber, String iamUser, String portalUser, Secret seed, Instant createdAt,
		Set<String> devicesAtStart) {

	PendingEnrollment {
		devicesAtStart = Set.copyOf(devicesAtStart);
	}

}
