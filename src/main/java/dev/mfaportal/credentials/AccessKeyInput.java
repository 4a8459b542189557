package dev.mfaportal.credentials;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.kernel.Secret;

/**
 * The employee's long-term key as typed in the two fields or pasted as a profile block, checked before
 * it goes anywhere near AWS (S17).
 */
final class AccessKeyInput {

	private AccessKeyInput() {
	}

	/**
	 * @throws InvalidInputException when neither or both ways were used, or the key cannot be a
	 * long-term IAM user key
	 */
	static AccessKey read(String accessKeyId, String secretAccessKey, String profileBlock) {
		boolean typed = hasText(accessKeyId) || hasText(secretAccessKey);
		boolean pasted = hasText(profileBlock);
		if (typed && pasted) {
			throw new InvalidInputException("credentials.error.key-twice");
		}
		if (pasted) {
			String[] key = ProfileBlock.parse(profileBlock);
			return check(key[0], key[1]);
		}
		if (!hasText(accessKeyId)) {
			throw new InvalidInputException("credentials.error.key-id-required");
		}
		if (!hasText(secretAccessKey)) {
			throw new InvalidInputException("credentials.error.secret-required");
		}
		return check(accessKeyId.strip(), secretAccessKey.strip());
	}

	private static AccessKey check(String accessKeyId, String secretAccessKey) {
		String problem = AccessKey.problemWith(accessKeyId, secretAccessKey);
		if (problem != null) {
			throw new InvalidInputException("credentials.error." + problem);
		}
		return new AccessKey(accessKeyId, Secret.of(secretAccessKey));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
