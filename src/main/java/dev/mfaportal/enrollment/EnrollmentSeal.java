package dev.mfaportal.enrollment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dev.mfaportal.enrollment.EnrollmentTokenException.Reason;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.SealRefusedException;
import dev.mfaportal.kernel.Sealer;
import dev.mfaportal.kernel.Secret;

/**
 * Seals a {@link PendingEnrollment} into an opaque token that travels in a hidden form field, so no instance
 * keeps the seed between start and activation (S1) and any instance can finish it. The token is bound to the
 * employee and IAM user and expires (S20); the {@link Sealer} does the cryptography, this class the format.
 */
final class EnrollmentSeal {

	// A new layout of PendingEnrollment gets a new purpose, so tokens of the old one are refused, not misread.
	private static final String PURPOSE = "enrollment";

	private final Sealer sealer;

	private final Duration timeToLive;

	EnrollmentSeal(Sealer sealer, Duration timeToLive) {
		this.sealer = sealer;
		this.timeToLive = timeToLive;
	}

	String seal(PendingEnrollment pending) {
		return this.sealer.seal(PURPOSE, boundTo(pending.portalUser(), pending.iamUser()),
				pending.createdAt().plus(this.timeToLive), serialize(pending));
	}

	/**
	 * @throws EnrollmentTokenException when the token is altered or foreign, belongs to another employee, or
	 * has expired
	 */
	PendingEnrollment unseal(String token, Employee employee) {
		try {
			return deserialize(this.sealer.open(PURPOSE, boundTo(employee.username(), employee.iamUserName()), token));
		}
		catch (SealRefusedException ex) {
			String serial = ex.authenticContents().map((contents) -> deserialize(contents).serialNumber()).orElse(null);
			throw new EnrollmentTokenException(reason(ex.reason()), serial);
		}
	}

	// Both names: the same portal user mapped to another IAM user since the start is someone else (S20).
	private static String boundTo(String portalUser, String iamUser) {
		return portalUser + "\n" + iamUser;
	}

	private static Reason reason(SealRefusedException.Reason refused) {
		return switch (refused) {
			case INVALID -> Reason.TAMPERED;
			case OTHER_EMPLOYEE -> Reason.OTHER_EMPLOYEE;
			case EXPIRED -> Reason.EXPIRED;
		};
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
			// Authentic but unreadable: a layout this version does not know.
			throw new EnrollmentTokenException(Reason.TAMPERED, null);
		}
	}

}
