/**
 * MFA-protected STS session credentials: the form, one GetSessionToken call with the employee's own
 * key, the check that the key is theirs, and the env-file formats. Nothing secret is stored: the
 * result page carries the credentials, sealed for the download buttons, and nothing stays behind.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "aws", "audit", "guard", "enrollment", "kernel" })
package dev.mfaportal.credentials;
