/**
 * MFA coverage: every IAM user in scope (a configurable path) from the account's credential report, joined with
 * what the portal's audit log knows of them, on {@code /admin/coverage} with a daily trend and a CSV export. The
 * report is generated and fetched in the background, at most once per configured interval; the last good one is
 * kept in PostgreSQL, so a missing, expired, still generating, throttled or malformed report shows as a state
 * beside it, never as an error page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "aws", "audit", "kernel" })
@org.jspecify.annotations.NullMarked
package dev.mfaportal.coverage;
