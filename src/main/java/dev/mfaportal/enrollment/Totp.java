package dev.mfaportal.enrollment;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time codes as AWS virtual MFA devices use them: HMAC-SHA1, 30-second steps from
 * the Unix epoch, six digits. The portal only checks codes with it; it never hands out a code.
 */
final class Totp {

	static final long STEP_SECONDS = 30;

	private final SecretKeySpec key;

	private Totp(byte[] key) {
		this.key = new SecretKeySpec(key, "HmacSHA1");
	}

	static Totp ofBase32Seed(String base32Seed) {
		return new Totp(Base32.decode(base32Seed));
	}

	static long stepAt(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The six-digit code an authenticator app shows during {@code step} (RFC 4226 dynamic truncation). */
	String codeAt(long step) {
		byte[] hash = hmac(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		int offset = hash[hash.length - 1] & 0x0F;
		int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
				| ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
		return String.format("%06d", binary % 1_000_000);
	}

	private byte[] hmac(byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(this.key);
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", ex);
		}
	}

}
