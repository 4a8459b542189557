package dev.mfaportal.aws;

/**
 * The AWS account the portal serves, as its own identity sees it.
 */
public interface AwsAccount {

	/** The account id from {@code GetCallerIdentity}. */
	String accountId();

	/** The account alias ({@code ListAccountAliases}) if it has one, otherwise the account id. */
	String displayName();

}
