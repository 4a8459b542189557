package dev.mfaportal.kernel;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A six-digit TOTP code. It is single-use and short-lived, yet still prints as {@code ******} so that
 * it never lands in a log (S2).
 */
public record OneTimeCode(String digits) {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

	public OneTimeCode {
		if (!isWellFormed(digits)) {
			throw new IllegalArgumentException("A one-time code is exactly six digits");
		}
	}

	/** Whether {@code digits} can be a code: exactly six digits. The portal's one rule for that. */
	public static boolean isWellFormed(@Nullable String digits) {
		return digits != null && SIX_DIGITS.matcher(digits).matches();
	}

	@Override
	public String toString() {
		return "******";
	}

}
