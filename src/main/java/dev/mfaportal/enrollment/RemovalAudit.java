package dev.mfaportal.enrollment;

import java.util.function.BiFunction;

import dev.mfaportal.audit.AuditEvent;

/**
 * The audit rows of one device removal, as its caller names them (the employee's own removal, the help
 * desk's): {@code started} is recorded before AWS is touched (no row, no change: S21), {@code removed} once the
 * device is deactivated and deleted, and {@code failed} for the step that failed ({@code deactivate} or
 * {@code delete}).
 */
public record RemovalAudit(AuditEvent started, AuditEvent removed, BiFunction<String, AwsProblem, AuditEvent> failed) {
}
