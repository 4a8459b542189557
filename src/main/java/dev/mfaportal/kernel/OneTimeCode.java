package dev.mfaportal.kernel;

/**
 * A six-digit TOTP code. It is single-use and short-lived, yet still prints as {@code ******} so that
 * it never lands in a log (S2).
 */
public record OneTimeCode(String digits) {

	public OneTimeCode {
		if (digits == null || !digits.matches("\\d{6}")) {
			throw new IllegalArgumentException("A one-time code is exactly six digits");
		}
	}

	@Override
	public String toString() {
		return "******";
	}

}
