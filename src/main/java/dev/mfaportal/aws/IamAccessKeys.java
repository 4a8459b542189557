package dev.mfaportal.aws;

import java.util.List;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;

import org.springframework.stereotype.Component;

import dev.mfaportal.kernel.Secret;

/**
 * {@link AccessKeys} on IAM, signed by the portal's own identity. These calls carry no one-time code, so the
 * SDK's bounded retries apply ({@code portal.aws.max-attempts}).
 */
@Component
class IamAccessKeys implements AccessKeys {

	private final IamClient iam;

	IamAccessKeys(IamClient iam) {
		this.iam = iam;
	}

	@Override
	public Created create(String iamUserName) {
		CreateAccessKeyResponse response = PortalCalls.call("CreateAccessKey",
				() -> this.iam.createAccessKey((request) -> request.userName(iamUserName)));
		var key = response.accessKey();
		return new Created(new AccessKey(key.accessKeyId(), Secret.of(key.secretAccessKey())), key.createDate());
	}

	@Override
	public void delete(String iamUserName, String accessKeyId) {
		try {
			PortalCalls.call("DeleteAccessKey",
					() -> this.iam.deleteAccessKey((request) -> request.userName(iamUserName).accessKeyId(accessKeyId)));
		}
		catch (AwsCallException ex) {
			// A retried DeleteAccessKey whose first attempt succeeded answers NoSuchEntity: the key is gone.
			if (!ex.is(AwsCallException.Kind.NOT_FOUND)) {
				throw ex;
			}
		}
	}

	@Override
	public List<Listed> list(String iamUserName) {
		return PortalCalls.call("ListAccessKeys", () -> this.iam
			.listAccessKeysPaginator((request) -> request.userName(iamUserName))
			.accessKeyMetadata()
			.stream()
			.map((key) -> new Listed(key.accessKeyId(), key.createDate()))
			.toList());
	}

}
