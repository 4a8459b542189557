/**
 * The append-only, hash-chained audit log ({@link dev.mfaportal.audit.AuditLog}), its verifier, and the
 * admin pages that browse and export it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "kernel" })
package dev.mfaportal.audit;
