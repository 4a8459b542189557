/**
 * Guards shared by every form that takes a one-time code: wrong-code limits per employee and per source
 * IP (S14) and refusal of a code the portal has just used (S15). State lives in PostgreSQL, so every
 * portal instance behind a load balancer sees the same counts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.mfaportal.guard;
