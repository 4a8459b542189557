/**
 * MFA-protected STS session credentials: the form, one GetSessionToken call signed with the employee's own key
 * or (with {@code portal.credentials.key-source=portal-minted}) with a key the portal mints for their IAM user,
 * records in its ledger and deletes straight after, the check that the session is theirs, and the env-file
 * formats. Nothing secret is stored: the result page carries the credentials, sealed for the download buttons,
 * and nothing stays behind. Also the revocation of an IAM user's sessions ({@link dev.mfaportal.credentials.SessionRevoker}),
 * which the help desk uses too. With portal-minted keys it also provides enrollment's step-up key
 * ({@link dev.mfaportal.enrollment.StepUpKeys}), so adding or removing a device asks for no key either.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "aws", "audit", "guard", "enrollment", "kernel" })
package dev.mfaportal.credentials;
