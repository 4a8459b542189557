/**
 * The help desk: an admin's view of one employee (their MFA devices and recent audit events) and the removal
 * of a lost device on their behalf, with a required reason recorded in the audit log. Its own module because
 * it needs both {@code aws} and {@code audit}, and the audit module may depend on {@code identity} only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "aws", "audit", "kernel" })
package dev.mfaportal.helpdesk;
