package dev.mfaportal.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.mfaportal.kernel.Secret;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals issued credentials into the result page (AES-GCM under a server key) so that every download
 * button can post them back: nothing is kept server-side, and no second code is needed. A seal opens
 * only for the employee it was made for, and only until the credentials expire.
 */
class SessionSeal {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SessionSeal(byte[] key, Clock clock) {
		if (key.length != 32) {
			throw new IllegalArgumentException("The sealing key must be 256 bits (32 bytes)");
		}
		this.key = new SecretKeySpec(key, "AES");
		this.clock = clock;
	}

	String seal(IssuedSession session) {
		Sealed sealed = new Sealed(session.portalUser(), session.iamUser(), session.mfaSerial(), session.accessKeyId(),
				session.secretAccessKey().reveal(), session.sessionToken().reveal(), session.issuedAt(),
				session.expiration());
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] plain = JsonMapper.shared().writeValueAsBytes(sealed);
		byte[] cipherText = crypt(Cipher.ENCRYPT_MODE, iv, session.portalUser(), plain);
		byte[] token = new byte[IV_BYTES + cipherText.length];
		System.arraycopy(iv, 0, token, 0, IV_BYTES);
		System.arraycopy(cipherText, 0, token, IV_BYTES, cipherText.length);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/**
	 * @throws InvalidSealException when the seal was tampered with, made for someone else, or the
	 * credentials in it have expired
	 */
	IssuedSession open(String token, String portalUser) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSealException("not Base64", false);
		}
		if (bytes.length <= IV_BYTES) {
			throw new InvalidSealException("too short", false);
		}
		byte[] iv = new byte[IV_BYTES];
		System.arraycopy(bytes, 0, iv, 0, IV_BYTES);
		byte[] cipherText = new byte[bytes.length - IV_BYTES];
		System.arraycopy(bytes, IV_BYTES, cipherText, 0, cipherText.length);
		Sealed sealed;
		try {
			byte[] plain = crypt(Cipher.DECRYPT_MODE, iv, portalUser, cipherText);
			sealed = JsonMapper.shared().readValue(plain, Sealed.class);
		}
		catch (JacksonException ex) {
			throw new InvalidSealException("unreadable", false);
		}
		if (!this.clock.instant().isBefore(sealed.expiration())) {
			throw new InvalidSealException("expired", true);
		}
		return new IssuedSession(sealed.portalUser(), sealed.iamUser(), sealed.mfaSerial(), sealed.accessKeyId(),
				Secret.of(sealed.secretAccessKey()), Secret.of(sealed.sessionToken()), sealed.issuedAt(),
				sealed.expiration());
	}

	private byte[] crypt(int mode, byte[] iv, String portalUser, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
			// Binding the seal to the employee: another employee's seal fails authentication.
			cipher.updateAAD(("credentials:" + portalUser).getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			if (mode == Cipher.DECRYPT_MODE) {
				throw new InvalidSealException("not authentic", false);
			}
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** What travels inside the seal; only this class ever sees it in the clear. */
	private record Sealed(String portalUser, String iamUser, String mfaSerial, String accessKeyId,
			String secretAccessKey, String sessionToken, Instant issuedAt, Instant expiration) {

		@Override
		public String toString() {
			return "Sealed[" + this.accessKeyId + "]";
		}

	}

	/** A seal that cannot be opened; {@code expired} tells an honest late click from tampering. */
	static class InvalidSealException extends RuntimeException {

		private final boolean expired;

		InvalidSealException(String reason, boolean expired) {
			super("Sealed credentials refused: " + reason);
			this.expired = expired;
		}

		boolean expired() {
			return this.expired;
		}

	}

}
