package dev.mfaportal.aws;

import dev.mfaportal.kernel.Secret;

/**
 * A virtual MFA device just created and not yet enabled. The seed is returned only once, by AWS, here.
 *
 * @param serialNumber the device ARN, {@code arn:aws:iam::<account>:mfa/<path><name>}
 * @param base32Seed the Base32 text of the TOTP key
 */
public record NewVirtualDevice(String serialNumber, Secret base32Seed) {
}
