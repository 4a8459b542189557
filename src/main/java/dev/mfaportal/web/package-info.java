/**
 * What every page shares: the layout fragments, the home page (the employee's devices through
 * {@link dev.mfaportal.enrollment.EmployeeDevices}) and the error pages. It uses {@code aws} only to answer an
 * unhandled AWS outage with 503 and to show an AWS request id on the error page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "enrollment", "audit", "aws", "kernel" })
package dev.mfaportal.web;
