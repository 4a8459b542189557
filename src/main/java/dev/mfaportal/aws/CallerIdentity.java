package dev.mfaportal.aws;

/**
 * What {@code GetCallerIdentity} says about a set of credentials.
 *
 * @param arn e.g. {@code arn:aws:iam::123456789012:user/alice}
 */
public record CallerIdentity(String account, String userId, String arn) {

	/** The IAM user name when the ARN is a user's ({@code user/<path>name}), otherwise {@code null}. */
	public String iamUserName() {
		int marker = this.arn.indexOf(":user/");
		if (marker < 0) {
			return null;
		}
		String pathAndName = this.arn.substring(marker + ":user/".length());
		return pathAndName.substring(pathAndName.lastIndexOf('/') + 1);
	}

}
