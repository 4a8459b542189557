package dev.mfaportal.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every access key the sandbox knows: the long-term {@code AKIA…} keys of its IAM users and the
 * {@code ASIA…} session keys that {@code GetSessionToken} issued.
 */
final class AccessKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String KEY_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final Map<String, Key> keys = new ConcurrentHashMap<>();

	void addLongTerm(String accessKeyId, String userName, String secret) {
		this.keys.put(accessKeyId, new Key(accessKeyId, userName, secret, null, null, false));
	}

	Key issueSession(String userName, Instant expiration, boolean mfa) {
		StringBuilder id = new StringBuilder("ASIA");
		for (int i = 0; i < 16; i++) {
			id.append(KEY_ID_CHARS.charAt(RANDOM.nextInt(KEY_ID_CHARS.length())));
		}
		Key key = new Key(id.toString(), userName, random(30), "FwoGZXIvYXdzE" + random(120), expiration, mfa);
		this.keys.put(key.accessKeyId(), key);
		return key;
	}

	Optional<Key> find(String accessKeyId) {
		return Optional.ofNullable(this.keys.get(accessKeyId));
	}

	List<String> sessionIds() {
		return this.keys.values().stream().filter(Key::session).map(Key::accessKeyId).sorted().toList();
	}

	void expireSessions(Instant at) {
		this.keys.replaceAll((id, key) -> key.session()
				? new Key(id, key.userName(), key.secret(), key.sessionToken(), at, key.mfa()) : key);
	}

	void removeSessions() {
		this.keys.values().removeIf(Key::session);
	}

	private static String random(int bytes) {
		byte[] data = new byte[bytes];
		RANDOM.nextBytes(data);
		return Base64.getEncoder().withoutPadding().encodeToString(data).replace('+', 'x').replace('/', 'y');
	}

	/**
	 * One access key; {@code sessionToken} and {@code expiration} are set only for session keys.
	 */
	record Key(String accessKeyId, String userName, String secret, String sessionToken, Instant expiration,
			boolean mfa) {

		boolean session() {
			return this.sessionToken != null;
		}

		@Override
		public String toString() {
			return "Key[" + this.accessKeyId + " of " + this.userName + "]";
		}

	}

}
