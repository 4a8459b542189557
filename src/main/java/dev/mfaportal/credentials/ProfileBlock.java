package dev.mfaportal.credentials;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the key out of a {@code [profile]} block pasted from {@code ~/.aws/credentials}: only
 * {@code aws_access_key_id} and {@code aws_secret_access_key} are taken, other keys (region, output ...)
 * are ignored. Errors name the line number, never its text, which may hold the secret.
 */
final class ProfileBlock {

	static final String KEY_ID = "aws_access_key_id";

	static final String SECRET = "aws_secret_access_key";

	private ProfileBlock() {
	}

	/**
	 * @return the access key id and secret, in that order
	 * @throws InvalidInputException when the block is not one profile holding both keys
	 */
	static String[] parse(String text) {
		Map<String, String> values = new HashMap<>();
		boolean sawHeader = false;
		String[] lines = text.split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
				continue;
			}
			if (line.startsWith("[")) {
				if (!line.endsWith("]") || line.length() < 3) {
					throw new InvalidInputException("credentials.error.profile-malformed", i + 1);
				}
				if (sawHeader) {
					throw new InvalidInputException("credentials.error.profile-several");
				}
				sawHeader = true;
				continue;
			}
			int equals = line.indexOf('=');
			if (equals < 1) {
				throw new InvalidInputException("credentials.error.profile-malformed", i + 1);
			}
			String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(equals + 1).strip();
			if ((KEY_ID.equals(key) || SECRET.equals(key)) && values.putIfAbsent(key, value) != null) {
				throw new InvalidInputException("credentials.error.profile-duplicate", key);
			}
		}
		String keyId = values.get(KEY_ID);
		String secret = values.get(SECRET);
		if (keyId == null || keyId.isEmpty() || secret == null || secret.isEmpty()) {
			throw new InvalidInputException("credentials.error.profile-incomplete");
		}
		return new String[] { keyId, secret };
	}

}
