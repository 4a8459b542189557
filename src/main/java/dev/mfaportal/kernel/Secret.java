package dev.mfaportal.kernel;

import java.util.Objects;

/**
 * A secret value (MFA seed, secret access key, session token) that prints as {@code ****}, so that a
 * record's generated {@code toString()} or a log line can never leak it.
 */
public final class Secret {

	private final String value;

	private Secret(String value) {
		this.value = Objects.requireNonNull(value, "value");
	}

	public static Secret of(String value) {
		return new Secret(value);
	}

	/** The secret itself; call only where it must leave the process (AWS, the page that shows it). */
	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Secret secret && secret.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "****";
	}

}
