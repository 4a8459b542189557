package dev.mfaportal.enrollment;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 Base32 decoding, as AWS encodes the TOTP seed: alphabet {@code A-Z2-7}, no padding.
 */
final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Base32() {
	}

	/**
	 * Decodes {@code text}, ignoring case, spaces and trailing {@code =} (people copy seeds in groups).
	 * @throws IllegalArgumentException on a character outside the alphabet
	 */
	static byte[] decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			if (c == ' ' || c == '=') {
				continue;
			}
			int value = ALPHABET.indexOf(Character.toUpperCase(c));
			if (value < 0) {
				throw new IllegalArgumentException("Not a Base32 character at position " + text.indexOf(c));
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bytes.write((buffer >> (bits - 8)) & 0xFF);
				bits -= 8;
			}
		}
		return bytes.toByteArray();
	}

}
