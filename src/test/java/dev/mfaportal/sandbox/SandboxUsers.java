package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * The sandbox account's IAM users, for tests: who is there under a path, and shortcuts to set a scene.
 */
public final class SandboxUsers {

	private final IamState iam;

	private final Object lock;

	SandboxUsers(IamState iam, Object lock) {
		this.iam = iam;
		this.lock = lock;
	}

	/** The names of the users whose path starts with {@code pathPrefix}, sorted (what {@code ListUsers} lists). */
	public List<String> names(String pathPrefix) {
		synchronized (this.lock) {
			return this.iam.usersUnder(pathPrefix).stream().map(IamState.User::name).toList();
		}
	}

	/** The path of a user, e.g. {@code /employees/}. */
	public String pathOf(String iamUserName) {
		synchronized (this.lock) {
			return this.iam.existingUser(iamUserName).path();
		}
	}

	/** Adds a user created now, with a made-up {@code AIDA…} id; not in any group. */
	public void create(String iamUserName, String path) {
		synchronized (this.lock) {
			Validation.path(path);
			String id = "AIDASANDBOX" + String.format("%010d", Math.abs((long) iamUserName.hashCode()));
			this.iam.putUser(Validation.name("userName", iamUserName), id, path, Instant.now());
		}
	}

	/** Gives a user a console password set at {@code changedAt}, last used at {@code lastUsedAt} ({@code null}: never). */
	public void setPassword(String iamUserName, Instant changedAt, Instant lastUsedAt) {
		synchronized (this.lock) {
			this.iam.existingUser(iamUserName);
			this.iam.setPassword(iamUserName, new IamState.Password(changedAt, lastUsedAt));
		}
	}

}
