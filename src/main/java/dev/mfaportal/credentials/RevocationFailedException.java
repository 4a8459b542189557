package dev.mfaportal.credentials;

/**
 * AWS could not be asked about, or could not be given, a revocation; nothing was revoked. Carries the AWS request
 * id (or what went wrong when AWS never answered) for support.
 */
public class RevocationFailedException extends RuntimeException {

	private final String reference;

	RevocationFailedException(String reference, Throwable cause) {
		super("Revocation failed: " + reference, cause);
		this.reference = reference;
	}

	public String reference() {
		return this.reference;
	}

}
