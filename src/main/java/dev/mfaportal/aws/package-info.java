/**
 * The only code that talks to AWS: the IAM and STS client beans and small interfaces in the portal's
 * language ({@link dev.mfaportal.aws.MfaDevices}, {@link dev.mfaportal.aws.SessionTokens},
 * {@link dev.mfaportal.aws.AccessKeys}, {@link dev.mfaportal.aws.SessionRevocations},
 * {@link dev.mfaportal.aws.AwsAccount}, {@link dev.mfaportal.aws.CredentialReports},
 * {@link dev.mfaportal.aws.IamUsers}). Every failed call is one {@link dev.mfaportal.aws.AwsCallException}
 * whose {@link dev.mfaportal.aws.AwsCallException.Kind kind} says what the AWS error code means, carrying the
 * error code and request id. Nothing outside this package imports {@code software.amazon.awssdk}. It
 * implements identity's {@link dev.mfaportal.identity.IamUserLookup} (GetUser), so identity can check the IAM
 * user a company sign-in maps to without talking to AWS itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity" })
package dev.mfaportal.aws;
