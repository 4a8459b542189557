/**
 * The virtual MFA device flow: list, start, QR code, activate with two codes, cancel, resync,
 * remove, and the sweeper for abandoned devices. The seed never leaves the sealed enrollment token.
 * <p>
 * Its public API is the device rules other modules use: {@link dev.mfaportal.enrollment.EmployeeDevices}
 * (the limit from {@code portal.enrollment.max-devices}, a user's devices or why AWS could not list them,
 * whether a serial is theirs, and removal including "deactivated but not deleted") with the values it
 * returns: {@link dev.mfaportal.enrollment.DeviceList}, {@link dev.mfaportal.enrollment.Device},
 * {@link dev.mfaportal.enrollment.AwsProblem}, {@link dev.mfaportal.enrollment.Removal} and
 * {@link dev.mfaportal.enrollment.RemovalAudit}. Activation and resync send their codes through the
 * guard module's code pipeline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "aws", "audit", "guard", "kernel" })
package dev.mfaportal.enrollment;
