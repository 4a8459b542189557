package dev.mfaportal.identity;

/**
 * IAM could not say whether the user a sign-in maps to exists. The sign-in is refused (fail closed) and the
 * person is asked to try again shortly.
 */
public class IamLookupFailedException extends RuntimeException {

	public IamLookupFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
