/**
 * The help desk: an admin's view of one employee (their MFA devices and recent audit events) and the removal
 * of a lost device on their behalf, with a required reason recorded in the audit log. Devices are listed and
 * removed through enrollment's device rules ({@link dev.mfaportal.enrollment.EmployeeDevices}), so this module
 * never talks to {@code aws} itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "enrollment", "audit", "kernel" })
package dev.mfaportal.helpdesk;
