/**
 * MFA-protected STS session credentials: the form, one GetSessionToken call with the employee's own
 * key, the check that the key is theirs, and the env-file formats. Nothing secret is stored.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "aws", "audit" })
package dev.mfaportal.credentials;
