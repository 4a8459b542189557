/**
 * The shared kernel: what every module uses and none of them owns. A
 * {@link dev.mfaportal.kernel.Secret} (seed, secret access key, session token) and a
 * {@link dev.mfaportal.kernel.OneTimeCode} print as stars, so a record's generated {@code toString()} or a
 * log line can never leak one. The one {@link dev.mfaportal.kernel.Sealer} takes a value through the
 * employee's browser and back, {@link dev.mfaportal.kernel.ServerKeys} loads every server key the same way,
 * {@link dev.mfaportal.kernel.ClockConfiguration} provides the one {@link java.time.Clock}, and
 * {@link dev.mfaportal.kernel.Leases} serialises work across instances without holding a connection. An open
 * module: any module may use all of it, and it uses no other.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.mfaportal.kernel;
