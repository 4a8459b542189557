/**
 * The only code that talks to AWS: the IAM and STS client beans and small interfaces in the portal's
 * language ({@link dev.mfaportal.aws.MfaDevices}, {@link dev.mfaportal.aws.SessionTokens},
 * {@link dev.mfaportal.aws.AwsAccount}). AWS error codes become the exceptions in this package, each
 * carrying the AWS request id. Nothing outside this package imports {@code software.amazon.awssdk}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package dev.mfaportal.aws;
