package dev.mfaportal.aws;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.kernel.Secret;

/**
 * An employee's long-term access key, supplied for one request and never stored.
 */
public record AccessKey(String accessKeyId, Secret secretAccessKey) {

	/**
	 * Why a typed key cannot be a long-term IAM user key, checked before it goes anywhere near AWS:
	 * {@code key-temporary}, {@code key-id-invalid} or {@code secret-invalid}; {@code null} when it may be one.
	 * Every form that takes an employee's key uses this one check.
	 */
	public static @Nullable String problemWith(String accessKeyId, String secretAccessKey) {
		// GetSessionToken refuses temporary credentials; saying so here spares the employee a code.
		if (accessKeyId.startsWith("ASIA")) {
			return "key-temporary";
		}
		if (!accessKeyId.matches("\\w{16,128}")) {
			return "key-id-invalid";
		}
		if (secretAccessKey.isEmpty() || secretAccessKey.length() > 128
				|| secretAccessKey.chars().anyMatch(Character::isWhitespace)) {
			return "secret-invalid";
		}
		return null;
	}

}
