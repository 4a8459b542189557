/**
 * The sandbox AWS account (test scope): an in-process awsQuery server for the IAM and STS actions the
 * portal uses, behaving like AWS where the portal depends on it (TOTP, limits, conflicts, access keys and
 * their propagation, explicit denies on session credentials, managed policy versions, the credential report,
 * error envelopes) and able to inject faults. Every behaviour names its AWS source in a comment, and says
 * UNCONFIRMED where the public sources leave it open. {@link dev.mfaportal.sandbox.SandboxAwsConfiguration} wires
 * it into a Spring context; {@link dev.mfaportal.sandbox.SandboxAccount} is what tests talk to.
 */
package dev.mfaportal.sandbox;
