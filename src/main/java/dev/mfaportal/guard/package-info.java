/**
 * Everything that stands between a one-time code and AWS: wrong-code limits per employee and per source IP
 * (S14), refusal of a code the portal has just used (S15), and the one code-attempt pipeline that every
 * code-carrying flow goes through ({@link dev.mfaportal.guard.CodeAttempts}: rate limit, local checks,
 * claims, the audited attempt, one AWS call, the wrong-code count). State lives in PostgreSQL, so every
 * portal instance behind a load balancer sees the same counts.
 * <p>
 * A flow describes itself with a {@link dev.mfaportal.guard.CodeFlow} (audit actions, its words for AWS's
 * refusals, what its caller throws) and hands each submission to
 * {@link dev.mfaportal.guard.CodeAttempts#run} as a {@link dev.mfaportal.guard.CodeAttempt}; it lets
 * {@link dev.mfaportal.guard.TooManyAttemptsException} through, which the guard answers with 429, a
 * {@code Retry-After} header and {@code templates/error/429.html}. Settings: {@code portal.guard.*}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "audit", "aws", "kernel" })
package dev.mfaportal.guard;
