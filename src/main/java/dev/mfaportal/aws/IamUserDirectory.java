package dev.mfaportal.aws;

import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

import org.springframework.stereotype.Component;

import dev.mfaportal.identity.IamLookupFailedException;
import dev.mfaportal.identity.IamUserLookup;

/**
 * {@link IamUserLookup} on IAM {@code GetUser}, signed by the portal's own identity, which needs
 * {@code iam:GetUser} on the users it serves.
 */
@Component
class IamUserDirectory implements IamUserLookup {

	private final IamClient iam;

	IamUserDirectory(IamClient iam) {
		this.iam = iam;
	}

	@Override
	public Optional<IamUser> find(String name) {
		User user;
		try {
			user = this.iam.getUser((request) -> request.userName(name)).user();
		}
		catch (SdkException ex) {
			AwsCallException translated = AwsErrorTranslator.translate("GetUser", ex, AwsErrorTranslator.Signer.PORTAL);
			if (translated.is(AwsCallException.Kind.NOT_FOUND)) {
				return Optional.empty();
			}
			throw new IamLookupFailedException(translated.getMessage(), translated);
		}
		return Optional.of(new IamUser(user.userName(), user.path()));
	}

}
