/**
 * The append-only, hash-chained audit log ({@link dev.mfaportal.audit.AuditLog}): rows group-committed to a chain
 * keyed with {@code portal.audit.chain-key}, floods of refusals counted into one row a minute, signed checkpoints
 * of the head published outside the database, its verifier, and the admin pages that browse and export it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "kernel" })
package dev.mfaportal.audit;
