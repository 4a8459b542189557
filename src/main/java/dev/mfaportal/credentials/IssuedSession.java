package dev.mfaportal.credentials;

import java.time.Duration;
import java.time.Instant;

import dev.mfaportal.kernel.Secret;

/**
 * Session credentials that were issued, verified as the employee's own and recorded: what the result
 * page and the files show. The secret key and token are {@link Secret}s, so this record prints safely.
 *
 * @param portalUser who the portal issued them to
 * @param iamUser the IAM user they act as
 */
record IssuedSession(String portalUser, String iamUser, String mfaSerial, String accessKeyId,
		Secret secretAccessKey, Secret sessionToken, Instant issuedAt, Instant expiration) {

	Duration lifetime() {
		return Duration.between(this.issuedAt, this.expiration);
	}

}
