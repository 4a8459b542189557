package dev.mfaportal.enrollment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import dev.mfaportal.kernel.Secret;
import dev.mfaportal.enrollment.EnrollmentTokenException.Reason;
import dev.mfaportal.identity.Employee;

/**
 * Seals a {@link PendingEnrollment} into an opaque token (AES-256-GCM) that travels in a hidden form field,
 * so no instance keeps the seed between start and activation (S1) and any instance can finish it. The
 * token is bound to the employee and IAM user and expires (S20).
 */
final class EnrollmentSeal {

	private static final byte VERSION = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	// Binds the ciphertext to its purpose: a token sealed for another use under the same key is refused.
	private static final byte[] ASSOCIATED_DATA = "mfa-portal enrollment v1".getBytes(StandardCharsets.US_ASCII);

	// A token from "the future" means a clock jump between instances; a little skew is tolerated.
	private static final Duration FUTURE_SKEW = Duration.ofMinutes(1);

	private final SecretKey key;

	private final Duration timeToLive;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	EnrollmentSeal(SecretKey key, Duration timeToLive, Clock clock) {
		this.key = key;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	String seal(PendingEnrollment pending) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, iv, serialize(pending));
		ByteBuffer token = ByteBuffer.allocate(1 + IV_BYTES + ciphertext.length).put(VERSION).put(iv).put(ciphertext);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
	}

	/**
	 * @throws EnrollmentTokenException when the token is altered or foreign, belongs to another employee, or
	 * has expired
	 */
	PendingEnrollment unseal(String token, Employee employee) {
		PendingEnrollment pending = open(token);
		if (!pending.portalUser().equals(employee.username()) || !pending.iamUser().equals(employee.iamUserName())) {
			throw new EnrollmentTokenException(Reason.OTHER_EMPLOYEE, pending.serialNumber());
		}
		Instant now = this.clock.instant();
		if (now.isAfter(pending.createdAt().plus(this.timeToLive))
				|| pending.createdAt().isAfter(now.plus(FUTURE_SKEW))) {
			throw new EnrollmentTokenException(Reason.EXPIRED, pending.serialNumber());
		}
		return pending;
	}

	private PendingEnrollment open(String token) {
		try {
			ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
			if (bytes.remaining() < 1 + IV_BYTES + TAG_BITS / 8 || bytes.get() != VERSION) {
				throw new EnrollmentTokenException(Reason.TAMPERED, null);
			}
			byte[] iv = new byte[IV_BYTES];
			bytes.get(iv);
			byte[] ciphertext = new byte[bytes.remaining()];
			bytes.get(ciphertext);
			return deserialize(crypt(Cipher.DECRYPT_MODE, iv, ciphertext));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new EnrollmentTokenException(Reason.TAMPERED, null);
		}
	}

	private byte[] crypt(int mode, byte[] iv, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(ASSOCIATED_DATA);
			return cipher.doFinal(input);
		}
		catch (AEADBadTagException ex) {
			throw new EnrollmentTokenException(Reason.TAMPERED, null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	private static byte[] serialize(PendingEnrollment pending) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeUTF(pending.serialNumber());
			out.writeUTF(pending.iamUser());
			out.writeUTF(pending.portalUser());
			out.writeLong(pending.createdAt().getEpochSecond());
			out.writeUTF(pending.seed().reveal());
			out.writeShort(pending.devicesAtStart().size());
			for (String serial : pending.devicesAtStart()) {
				out.writeUTF(serial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static PendingEnrollment deserialize(byte[] plaintext) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
			String serial = in.readUTF();
			String iamUser = in.readUTF();
			String portalUser = in.readUTF();
			Instant createdAt = Instant.ofEpochSecond(in.readLong());
			Secret seed = Secret.of(in.readUTF());
			Set<String> devicesAtStart = new HashSet<>();
			for (int i = in.readUnsignedShort(); i > 0; i--) {
				devicesAtStart.add(in.readUTF());
			}
			return new PendingEnrollment(serial, iamUser, portalUser, seed, createdAt, devicesAtStart);
		}
		catch (IOException ex) {
			// Authenticated but unreadable: only a token sealed by a different format version gets here.
			throw new EnrollmentTokenException(Reason.TAMPERED, null);
		}
	}

}
