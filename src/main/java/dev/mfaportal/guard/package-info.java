/**
 * Guards shared by every form that takes a one-time code: wrong-code limits per employee and per source
 * IP (S14) and refusal of a code the portal has just used (S15). State lives in PostgreSQL, so every
 * portal instance behind a load balancer sees the same counts.
 * <p>
 * How a feature uses it, before its AWS call: {@code ensureAllowed(employee, ip)} first (let
 * {@link dev.mfaportal.guard.TooManyAttemptsException} propagate after auditing the denial: the guard
 * answers it with 429, a {@code Retry-After} header and {@code templates/error/429.html}, which says when
 * to try again); then check the input locally; then {@code claim(serial, code)} for each code (a
 * {@link dev.mfaportal.guard.CodeAlreadyUsedException} means "wait for the next code", no AWS call); then
 * call AWS, and {@code recordWrongCode(employee, ip)} when AWS refuses the code. Settings:
 * {@code portal.guard.*}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package dev.mfaportal.guard;
