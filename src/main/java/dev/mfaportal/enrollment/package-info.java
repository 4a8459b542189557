/**
 * The virtual MFA device flow: list, start, QR code, activate with two codes, cancel, resync,
 * remove, and the sweeper for abandoned devices. The seed never leaves the sealed enrollment token.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "aws", "audit", "guard", "kernel" })
package dev.mfaportal.enrollment;
