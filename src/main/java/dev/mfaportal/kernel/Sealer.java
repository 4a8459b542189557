package dev.mfaportal.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.mfaportal.kernel.SealRefusedException.Reason;

/**
 * Seals a value into an opaque, URL-safe token that makes a round trip through the employee's browser, so no
 * instance has to keep it and any instance holding the same key can take it back. AES-256-GCM with a random
 * 96-bit nonce; the associated data names the purpose and the employee, so a token sealed for one purpose or
 * employee never opens for another; the token carries its expiry, checked against the clock.
 * <p>
 * Version 1: {@code version | nonce (12) | employee tag (16) | GCM(sealed at | expires at | contents)}. The
 * employee tag is an HMAC of purpose and employee under a key derived from the server key: the name is not in
 * the token, yet an authentic token of someone else is told apart from a forged one.
 */
public final class Sealer {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int EMPLOYEE_TAG_BYTES = 16;

	private static final int HEADER_BYTES = 1 + NONCE_BYTES + EMPLOYEE_TAG_BYTES;

	private static final int TIMES_BYTES = 2 * Long.BYTES;

	private static final int GCM_TAG_BITS = 128;

	// A token from "the future" means the sealing instance's clock runs ahead; a little skew is tolerated.
	private static final Duration FUTURE_SKEW = Duration.ofMinutes(1);

	private final SecretKey encryptionKey;

	private final SecretKey employeeKey;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/** @param serverKey {@value ServerKeys#LENGTH} bytes, as {@link ServerKeys#load} gives them */
	public Sealer(byte[] serverKey, Clock clock) {
		if (serverKey.length != ServerKeys.LENGTH) {
			throw new IllegalArgumentException("A sealing key is " + ServerKeys.LENGTH + " bytes");
		}
		// One key for each use, so the cipher key is never also an HMAC key.
		this.encryptionKey = new SecretKeySpec(hmac(serverKey, "mfa-portal sealer encryption"), "AES");
		this.employeeKey = new SecretKeySpec(hmac(serverKey, "mfa-portal sealer employee"), "HmacSHA256");
		this.clock = clock;
	}

	/**
	 * @param purpose what the token is for (e.g. {@code "enrollment"}); another purpose never opens it
	 * @param employee whom it is for, as the caller names them; another employee never opens it
	 */
	public String seal(String purpose, String employee, Instant expiresAt, byte[] contents) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] header = ByteBuffer.allocate(HEADER_BYTES)
			.put(VERSION)
			.put(nonce)
			.put(employeeTag(purpose, employee))
			.array();
		byte[] plain = ByteBuffer.allocate(TIMES_BYTES + contents.length)
			.putLong(this.clock.instant().getEpochSecond())
			.putLong(expiresAt.getEpochSecond())
			.put(contents)
			.array();
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, header, purpose, plain);
		byte[] token = ByteBuffer.allocate(header.length + sealed.length).put(header).put(sealed).array();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/**
	 * @return the contents sealed for this purpose and employee
	 * @throws SealRefusedException when the token is not authentic, is another employee's, or has expired
	 */
	public byte[] open(String purpose, String employee, String token) {
		byte[] bytes = decode(token);
		if (bytes.length < HEADER_BYTES + TIMES_BYTES + GCM_TAG_BITS / 8 || bytes[0] != VERSION) {
			throw new SealRefusedException(Reason.INVALID, null);
		}
		byte[] header = Arrays.copyOf(bytes, HEADER_BYTES);
		ByteBuffer plain = ByteBuffer
			.wrap(crypt(Cipher.DECRYPT_MODE, header, purpose, Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length)));
		Instant sealedAt = Instant.ofEpochSecond(plain.getLong());
		Instant expiresAt = Instant.ofEpochSecond(plain.getLong());
		byte[] contents = new byte[plain.remaining()];
		plain.get(contents);
		// Authentic, so the tag is one this portal computed: a mismatch is a real token of someone else.
		if (!MessageDigest.isEqual(Arrays.copyOfRange(header, 1 + NONCE_BYTES, HEADER_BYTES),
				employeeTag(purpose, employee))) {
			throw new SealRefusedException(Reason.OTHER_EMPLOYEE, contents);
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(expiresAt) || sealedAt.isAfter(now.plus(FUTURE_SKEW))) {
			throw new SealRefusedException(Reason.EXPIRED, contents);
		}
		return contents;
	}

	private static byte[] decode(String token) {
		try {
			return Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			throw new SealRefusedException(Reason.INVALID, null);
		}
	}

	private byte[] crypt(int mode, byte[] header, String purpose, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.encryptionKey, new GCMParameterSpec(GCM_TAG_BITS, header, 1, NONCE_BYTES));
			// The header has a fixed length, so header and purpose cannot be shifted into one another.
			cipher.updateAAD(header);
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (AEADBadTagException ex) {
			throw new SealRefusedException(Reason.INVALID, null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	private byte[] employeeTag(String purpose, String employee) {
		byte[] tag = hmac(this.employeeKey, purpose + '\0' + employee);
		return Arrays.copyOf(tag, EMPLOYEE_TAG_BYTES);
	}

	private static byte[] hmac(byte[] key, String input) {
		return hmac(new SecretKeySpec(key, "HmacSHA256"), input);
	}

	private static byte[] hmac(SecretKey key, String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
