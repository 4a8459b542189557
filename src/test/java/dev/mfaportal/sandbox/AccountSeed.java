package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.Set;

/**
 * The sandbox account as every test starts with it: the employees alice and bob under {@code /employees/}
 * in the group {@code employees}, the help-desk admin and the portal's own user at {@code /}, one long-term
 * key each, and the one customer-managed deny policy that revokes sessions, attached to the group. Applying
 * it again puts everything back in place without removing the keys first, so a request in flight during a
 * reset still authenticates.
 */
final class AccountSeed {

	static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

	/**
	 * The revocation policy before anything is revoked. A policy needs a statement; this one denies only
	 * sessions issued before 2000, that is none.
	 */
	static final String NOTHING_REVOKED = """
			{"Version":"2012-10-17","Statement":[{"Sid":"NoSessionRevokedYet","Effect":"Deny","Action":"*",\
			"Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"2000-01-01T00:00:00Z"}}}]}""";

	private static final String[][] USERS = {
			{ "alice", "AIDASANDBOXALICE00001", SandboxAccount.EMPLOYEES_PATH, SandboxAccount.ALICE_ACCESS_KEY_ID,
					SandboxAccount.ALICE_SECRET_ACCESS_KEY },
			{ "bob", "AIDASANDBOXBOB0000001", SandboxAccount.EMPLOYEES_PATH, SandboxAccount.BOB_ACCESS_KEY_ID,
					SandboxAccount.BOB_SECRET_ACCESS_KEY },
			{ "admin", "AIDASANDBOXADMIN00001", "/", SandboxAccount.ADMIN_ACCESS_KEY_ID,
					SandboxAccount.ADMIN_SECRET_ACCESS_KEY },
			{ SandboxAccount.PORTAL_USER, "AIDASANDBOXPORTAL0001", "/", SandboxAccount.PORTAL_ACCESS_KEY_ID,
					SandboxAccount.PORTAL_SECRET_ACCESS_KEY } };

	private AccountSeed() {
	}

	static Set<String> userNames() {
		return Set.of("alice", "bob", "admin", SandboxAccount.PORTAL_USER);
	}

	static Set<String> accessKeyIds() {
		return Set.of(SandboxAccount.ALICE_ACCESS_KEY_ID, SandboxAccount.BOB_ACCESS_KEY_ID,
				SandboxAccount.ADMIN_ACCESS_KEY_ID, SandboxAccount.PORTAL_ACCESS_KEY_ID);
	}

	static void apply(IamState iam, AccessKeys keys, IamPolicies policies) {
		for (String[] user : USERS) {
			iam.putUser(user[0], user[1], user[2], CREATED);
			keys.addLongTerm(user[3], user[0], user[4], CREATED, true);
		}
		policies.clear();
		String path = "/mfa-portal/";
		String name = SandboxAccount.REVOKED_SESSIONS_POLICY_ARN
			.substring(SandboxAccount.REVOKED_SESSIONS_POLICY_ARN.lastIndexOf('/') + 1);
		policies.putPolicy(path, name, "ANPASANDBOXREVOKED001", NOTHING_REVOKED, CREATED);
		policies.putGroup(SandboxAccount.EMPLOYEES_GROUP, SandboxAccount.REVOKED_SESSIONS_POLICY_ARN);
		policies.addMember(SandboxAccount.EMPLOYEES_GROUP, "alice");
		policies.addMember(SandboxAccount.EMPLOYEES_GROUP, "bob");
	}

}
