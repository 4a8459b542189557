package dev.mfaportal.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every access key the sandbox knows: the long-term {@code AKIA…} keys of its IAM users and the
 * {@code ASIA…} session keys that {@code GetSessionToken} issued, with when each long-term key was last
 * used. Read without the account's lock by the signature check, hence the concurrent maps.
 */
final class AccessKeys {

	/** IAM quotas: "Access keys assigned to an IAM user: 2", inactive ones included (reference_iam-quotas). */
	static final int KEYS_PER_USER = 2;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String KEY_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	private final Map<String, Key> keys = new ConcurrentHashMap<>();

	private final Map<String, LastUsed> lastUsed = new ConcurrentHashMap<>();

	private volatile Duration propagationDelay = Duration.ZERO;

	void addLongTerm(String accessKeyId, String userName, String secret, Instant created, boolean active) {
		this.keys.put(accessKeyId, new Key(accessKeyId, userName, secret, created, created, active, null));
	}

	/**
	 * A new key for {@code CreateAccessKey}: {@code AKIA} and 16 more characters, a 40-character secret
	 * (API_AccessKey: "AccessKeyId … 16–128", the secret is returned only here). It is not usable before
	 * {@link #propagationDelay}: new keys are eventually consistent (aws-sdk-js#559: "the AccessKeyId is not
	 * immediately active after it is created", ~15 s; botocore#3600 retries InvalidClientTokenId for them).
	 */
	Key create(String userName, Instant now) {
		return create(userName, now, true, this.propagationDelay);
	}

	Key create(String userName, Instant created, boolean active, Duration delay) {
		String id = "AKIA" + random(KEY_ID_CHARS, 16);
		Key key = new Key(id, userName, random(SECRET_CHARS, 40), created, created.plus(delay), active, null);
		this.keys.put(id, key);
		return key;
	}

	void propagationDelay(Duration delay) {
		this.propagationDelay = delay;
	}

	/**
	 * A session key. It keeps no link to the key that signed {@code GetSessionToken} other than for tests:
	 * deleting that key does not end the session ("Temporary security credentials are valid until they
	 * expire, and they cannot be revoked", IAM User Guide, Disabling permissions for temporary security
	 * credentials).
	 */
	Key issueSession(Key signer, Instant issued, Instant expiration, boolean mfa) {
		String id = "ASIA" + random(KEY_ID_CHARS, 16);
		Session session = new Session("FwoGZXIvYXdzE" + base64(120), expiration, mfa, signer.accessKeyId());
		Key key = new Key(id, signer.userName(), base64(30), issued, issued, true, session);
		this.keys.put(id, key);
		return key;
	}

	Optional<Key> find(String accessKeyId) {
		return Optional.ofNullable(this.keys.get(accessKeyId));
	}

	/** A user's long-term keys, oldest first (the credential report's key 1 and key 2). */
	List<Key> longTermOf(String userName) {
		return this.keys.values()
			.stream()
			.filter((key) -> !key.session() && key.userName().equals(userName))
			.sorted(Comparator.comparing(Key::created).thenComparing(Key::accessKeyId))
			.toList();
	}

	void remove(String accessKeyId) {
		this.keys.remove(accessKeyId);
		this.lastUsed.remove(accessKeyId);
	}

	void setActive(String accessKeyId, boolean active) {
		this.keys.computeIfPresent(accessKeyId, (id, key) -> new Key(id, key.userName(), key.secret(), key.created(),
				key.usableFrom(), active, key.temporary()));
	}

	/**
	 * Records a use of a long-term key. The credential report: "When an access key is used more than once in
	 * a 15-minute span, only the first use is recorded" (Getting credential reports).
	 */
	void recordUse(Key key, Instant at, String service, String region) {
		if (key.session()) {
			return;
		}
		this.lastUsed.compute(key.accessKeyId(), (id, previous) -> (previous != null
				&& previous.at().plus(Duration.ofMinutes(15)).isAfter(at)) ? previous : new LastUsed(at, service, region));
	}

	void setLastUsed(String accessKeyId, LastUsed used) {
		this.lastUsed.put(accessKeyId, used);
	}

	Optional<LastUsed> lastUsed(String accessKeyId) {
		return Optional.ofNullable(this.lastUsed.get(accessKeyId));
	}

	List<String> sessionIds() {
		return this.keys.values().stream().filter(Key::session).map(Key::accessKeyId).sorted().toList();
	}

	void expireSessions(Instant at) {
		this.keys.replaceAll((id, key) -> key.session() ? new Key(id, key.userName(), key.secret(), key.created(),
				key.usableFrom(), key.active(), new Session(key.sessionToken(), at, key.mfa(), key.sourceKeyId()))
				: key);
	}

	/** Back to the seeded keys only; the seeded ones are re-added by the caller, replacing these in place. */
	void retainOnly(Set<String> accessKeyIds) {
		this.keys.keySet().retainAll(accessKeyIds);
		this.lastUsed.clear();
		this.propagationDelay = Duration.ZERO;
	}

	private static String random(String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return out.toString();
	}

	private static String base64(int bytes) {
		byte[] data = new byte[bytes];
		RANDOM.nextBytes(data);
		return Base64.getEncoder().withoutPadding().encodeToString(data).replace('+', 'x').replace('/', 'y');
	}

	/**
	 * One access key; {@code temporary} is set only for session keys, whose {@code created} is their
	 * {@code aws:TokenIssueTime}.
	 */
	record Key(String accessKeyId, String userName, String secret, Instant created, Instant usableFrom,
			boolean active, Session temporary) {

		boolean session() {
			return this.temporary != null;
		}

		String sessionToken() {
			return session() ? this.temporary.token() : null;
		}

		Instant expiration() {
			return session() ? this.temporary.expiration() : null;
		}

		boolean mfa() {
			return session() && this.temporary.mfa();
		}

		String sourceKeyId() {
			return session() ? this.temporary.sourceKeyId() : null;
		}

		@Override
		public String toString() {
			return "Key[" + this.accessKeyId + " of " + this.userName + "]";
		}

	}

	/**
	 * What only a session key has: its token, expiry, whether MFA was used, and the long-term key that signed
	 * the {@code GetSessionToken} call.
	 */
	record Session(String token, Instant expiration, boolean mfa, String sourceKeyId) {
	}

	/**
	 * A key's last use as the credential report shows it.
	 */
	record LastUsed(Instant at, String service, String region) {
	}

}
