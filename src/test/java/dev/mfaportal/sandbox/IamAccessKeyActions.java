package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IAM actions on long-term access keys: create, delete, list. The secret is returned only by
 * {@code CreateAccessKey} (API_AccessKey); the list shows metadata only (API_AccessKeyMetadata).
 */
final class IamAccessKeyActions {

	/** The model's accessKeyIdType: 16–128 of {@code [\w]+}. */
	private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");

	private final IamState iam;

	private final AccessKeys keys;

	IamAccessKeyActions(IamState iam, AccessKeys keys) {
		this.iam = iam;
		this.keys = keys;
	}

	void register(Map<String, Action> actions) {
		actions.put("CreateAccessKey", this::create);
		actions.put("DeleteAccessKey", this::delete);
		actions.put("ListAccessKeys", this::list);
	}

	private String create(AccessKeys.Key caller, FormParams params) {
		IamState.User user = this.iam.existingUser(params.userNameOrSigner(caller));
		if (this.keys.longTermOf(user.name()).size() >= AccessKeys.KEYS_PER_USER) {
			// Real output: "LimitExceeded … Cannot exceed quota for AccessKeysPerUser: 2", 409, also when one of
			// the two keys is inactive (simonw/s3-credentials#64).
			throw SandboxAwsError.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + AccessKeys.KEYS_PER_USER);
		}
		AccessKeys.Key key = this.keys.create(user.name(), Instant.now());
		return new Xml().open("AccessKey")
			.leaf("UserName", key.userName())
			.leaf("AccessKeyId", key.accessKeyId())
			.leaf("Status", "Active")
			.leaf("SecretAccessKey", key.secret())
			.leaf("CreateDate", key.created())
			.close("AccessKey")
			.toString();
	}

	/**
	 * Requests signed with the deleted key fail with InvalidClientTokenId (the key is unknown); sessions it
	 * created stay valid until they expire. The NoSuchEntity wording is moto's ("The Access Key with id X
	 * cannot be found"); AWS's is UNCONFIRMED, as is a key of another user than UserName being the same error.
	 */
	private String delete(AccessKeys.Key caller, FormParams params) {
		String id = params.required("AccessKeyId", "accessKeyId");
		if (!ACCESS_KEY_ID.matcher(id).matches()) {
			throw SandboxAwsError.validation("accessKeyId", id,
					"Member must satisfy regular expression pattern: [\\w]+ and have length between 16 and 128");
		}
		String userName = params.userNameOrSigner(caller);
		this.iam.existingUser(userName);
		this.keys.find(id)
			.filter((key) -> !key.session() && key.userName().equals(userName))
			.orElseThrow(() -> SandboxAwsError.noSuchEntity("The Access Key with id " + id + " cannot be found"));
		this.keys.remove(id);
		return null;
	}

	/**
	 * No secret, oldest first (the order AWS lists keys in is UNCONFIRMED). AWS requires UserName when the
	 * call is signed with temporary credentials (API_ListAccessKeys); the error it then gives is UNCONFIRMED,
	 * so the sandbox defaults to the signer either way.
	 */
	private String list(AccessKeys.Key caller, FormParams params) {
		String userName = this.iam.existingUser(params.userNameOrSigner(caller)).name();
		return Page.write(params, "AccessKeyMetadata", this.keys.longTermOf(userName), (xml, key) -> xml.open("member")
			.leaf("UserName", key.userName())
			.leaf("AccessKeyId", key.accessKeyId())
			.leaf("Status", key.active() ? "Active" : "Inactive")
			.leaf("CreateDate", key.created())
			.close("member"));
	}

}
