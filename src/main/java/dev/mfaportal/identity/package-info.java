/**
 * Who is signed in: the one {@code SecurityFilterChain}, local accounts from configuration, company sign-in
 * with OpenID providers (claims mapped to one IAM user, groups to roles), the mapping from a portal login to the
 * employee's IAM user ({@link dev.mfaportal.identity.Employee}), and the sign-in and sign-out pages. Other
 * modules ask this module who the employee is and never take an IAM user name from a request; the {@code aws}
 * module answers its one question about IAM ({@link dev.mfaportal.identity.IamUserLookup}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package dev.mfaportal.identity;
