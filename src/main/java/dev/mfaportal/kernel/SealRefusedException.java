package dev.mfaportal.kernel;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A sealed token that {@link Sealer#open} will not hand over. Its message names only the reason: never
 * the token or what it holds.
 */
public class SealRefusedException extends RuntimeException {

	public enum Reason {

		/** Not sealed by this portal under this key and purpose, altered since, or of an unknown version. */
		INVALID,

		/** Sealed by this portal for the same purpose, but for another employee. */
		OTHER_EMPLOYEE,

		/** Authentic and the employee's own, but past its expiry (or sealed by a clock far ahead). */
		EXPIRED

	}

	private final Reason reason;

	private final byte @Nullable [] authenticContents;

	SealRefusedException(Reason reason, byte @Nullable [] authenticContents) {
		super("Sealed token refused: " + reason);
		this.reason = reason;
		this.authenticContents = authenticContents;
	}

	/** For a caller that finds authentic contents it cannot read (a format it no longer knows). */
	public static SealRefusedException invalid() {
		return new SealRefusedException(Reason.INVALID, null);
	}

	public Reason reason() {
		return this.reason;
	}

	/** An honest late click, as opposed to a token that was never good here. */
	public boolean expired() {
		return this.reason == Reason.EXPIRED;
	}

	/**
	 * What the token holds when it is authentic but refused ({@link Reason#OTHER_EMPLOYEE},
	 * {@link Reason#EXPIRED}), so a caller can name the thing refused in its audit record or clean it up;
	 * empty for {@link Reason#INVALID}. Never shown to the employee who presented the token.
	 */
	public Optional<byte[]> authenticContents() {
		return Optional.ofNullable(this.authenticContents).map(byte[]::clone);
	}

}
