/**
 * The shared kernel: small value types that every module uses and that belong to none of them. A
 * {@link dev.mfaportal.kernel.Secret} (seed, secret access key, session token) and a
 * {@link dev.mfaportal.kernel.OneTimeCode} print as stars, so a record's generated {@code toString()} or a
 * log line can never leak one. An open module: any module may use all of it, and it uses no other.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.mfaportal.kernel;
