package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox account's long-term access keys, for tests: which keys a user holds, shortcuts to set a scene
 * (a key created in the past, an inactive one), and which key created a session.
 */
public final class SandboxAccessKeys {

	private final AccessKeys keys;

	private final IamState iam;

	private final Object lock;

	SandboxAccessKeys(AccessKeys keys, IamState iam, Object lock) {
		this.keys = keys;
		this.iam = iam;
		this.lock = lock;
	}

	/** A user's long-term keys, oldest first (what {@code ListAccessKeys} lists). */
	public List<SandboxAccessKey> of(String iamUserName) {
		return this.keys.longTermOf(iamUserName)
			.stream()
			.map((key) -> new SandboxAccessKey(key.accessKeyId(), key.userName(), key.active(), key.created(),
					key.usableFrom(), this.keys.lastUsed(key.accessKeyId()).map(AccessKeys.LastUsed::at).orElse(null)))
			.toList();
	}

	/**
	 * Creates a key directly, usable at once, ignoring the two-key limit; returns its id. For scenes such as
	 * "a user at the limit with one inactive key" or "a key last rotated long ago".
	 */
	public String create(String iamUserName, Instant createdAt, boolean active) {
		synchronized (this.lock) {
			this.iam.existingUser(iamUserName);
			return this.keys.create(iamUserName, createdAt, active, Duration.ZERO).accessKeyId();
		}
	}

	/** The long-term key that signed the {@code GetSessionToken} call that issued a session key ({@code ASIA…}). */
	public Optional<String> sessionSourceKey(String sessionAccessKeyId) {
		return this.keys.find(sessionAccessKeyId).filter(AccessKeys.Key::session).map(AccessKeys.Key::sourceKeyId);
	}

}
