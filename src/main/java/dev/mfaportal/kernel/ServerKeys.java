package dev.mfaportal.kernel;

import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a server key (a sealing key, the used-code key) from its property: Base64 of exactly
 * {@value #LENGTH} bytes. A malformed value stops start-up naming the property and never echoing the
 * value; an unset one means a random key for as long as this instance runs.
 */
public final class ServerKeys {

	/** 256 bits: AES-256 for the sealer, and as long as HMAC-SHA256's output for the code key. */
	public static final int LENGTH = 32;

	private static final Logger logger = LoggerFactory.getLogger(ServerKeys.class);

	private static final SecureRandom random = new SecureRandom();

	private ServerKeys() {
	}

	/**
	 * @param property the property's name, for the operator's messages
	 * @param configured its value, Base64; blank or {@code null} when not set
	 * @return the key's {@value #LENGTH} bytes
	 * @throws IllegalStateException when the value is not Base64 of {@value #LENGTH} bytes
	 */
	public static byte[] load(String property, @Nullable String configured) {
		if (configured == null || configured.isBlank()) {
			logger.warn("{} is not set: using a random key until this instance stops, so what it protects is "
					+ "refused after a restart and by any other instance. Set the same key on every instance "
					+ "(openssl rand -base64 32).", property);
			byte[] key = new byte[LENGTH];
			random.nextBytes(key);
			return key;
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(configured.strip());
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message would quote the offending character; the property name says where to look.
			throw new IllegalStateException(property + " is not Base64 (openssl rand -base64 32)");
		}
		if (key.length != LENGTH) {
			throw new IllegalStateException(
					property + " must be " + LENGTH + " bytes (256 bits), Base64 (openssl rand -base64 32)");
		}
		return key;
	}

}
