package dev.mfaportal.credentials;

import java.time.Instant;

import dev.mfaportal.kernel.SealRefusedException;
import dev.mfaportal.kernel.Sealer;
import dev.mfaportal.kernel.Secret;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals issued credentials into the result page so that every download button can post them back: nothing
 * is kept server-side, and no second code is needed. A seal opens only for the employee it was made for, and
 * only until the credentials expire; the {@link Sealer} does the cryptography, this class the format.
 */
class SessionSeal {

	// A new layout of Sealed gets a new purpose, so seals of the old one are refused, not misread.
	private static final String PURPOSE = "credentials-download";

	private final Sealer sealer;

	SessionSeal(Sealer sealer) {
		this.sealer = sealer;
	}

	String seal(IssuedSession session) {
		Sealed sealed = new Sealed(session.portalUser(), session.iamUser(), session.mfaSerial(), session.accessKeyId(),
				session.secretAccessKey().reveal(), session.sessionToken().reveal(), session.issuedAt(),
				session.expiration());
		return this.sealer.seal(PURPOSE, session.portalUser(), session.expiration(),
				JsonMapper.shared().writeValueAsBytes(sealed));
	}

	/**
	 * @throws SealRefusedException when the seal was tampered with, made for someone else, or the
	 * credentials in it have expired ({@link SealRefusedException#expired()})
	 */
	IssuedSession open(String token, String portalUser) {
		Sealed sealed;
		try {
			sealed = JsonMapper.shared().readValue(this.sealer.open(PURPOSE, portalUser, token), Sealed.class);
		}
		catch (JacksonException ex) {
			throw SealRefusedException.invalid();
		}
		return new IssuedSession(sealed.portalUser(), sealed.iamUser(), sealed.mfaSerial(), sealed.accessKeyId(),
				Secret.of(sealed.secretAccessKey()), Secret.of(sealed.sessionToken()), sealed.issuedAt(),
				sealed.expiration());
	}

	/** What travels inside the seal; only this class ever sees it in the clear. */
	private record Sealed(String portalUser, String iamUser, String mfaSerial, String accessKeyId,
			String secretAccessKey, String sessionToken, Instant issuedAt, Instant expiration) {

		@Override
		public String toString() {
			return "Sealed[" + this.accessKeyId + "]";
		}

	}

}
