package dev.mfaportal.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The users in scope as the stored report describes them, before the portal's own activity is set beside them.
 * A user {@code ListUsers} gave but the report does not have (created since it was generated) is kept, with
 * nothing known; a report row outside the scope (another path, or deleted since) is left out.
 *
 * @param generatedAt when IAM generated the report
 * @param fetchedAt when the portal fetched it
 * @param scopePath the path prefix of the scope
 * @param users the users in scope, in {@code ListUsers} order
 * @param withMfa how many of them the report shows with an active MFA device
 */
record ScopedReport(Instant generatedAt, Instant fetchedAt, String scopePath, List<User> users, int withMfa) {

	static ScopedReport of(StoredReport stored) {
		Map<String, ReportUser> rows = new HashMap<>();
		for (ReportUser row : CredentialReportParser.parse(stored.content())) {
			rows.put(row.userName(), row);
		}
		List<User> users = new ArrayList<>(stored.scopeUsers().size());
		int withMfa = 0;
		for (int i = 0; i < stored.scopeUsers().size(); i++) {
			String name = stored.scopeUsers().get(i);
			User user = new User(name, rows.get(name), stored.scopeDevices().get(i));
			users.add(user);
			withMfa += user.mfaActive() ? 1 : 0;
		}
		return new ScopedReport(stored.generatedAt(), stored.fetchedAt(), stored.scopePath(), List.copyOf(users),
				withMfa);
	}

	/**
	 * One user in scope.
	 *
	 * @param name the IAM user name
	 * @param row the report's row, {@code null} when the report predates the user
	 * @param virtualDevices the user's virtual MFA devices when the report was fetched
	 */
	record User(String name, @Nullable ReportUser row, int virtualDevices) {

		boolean mfaActive() {
			return this.row != null && this.row.mfaActive();
		}

		/**
		 * How many MFA devices the user has, where that is known: the report says only whether one is active,
		 * and the account-wide listing counts virtual devices only, so an active MFA without a virtual device
		 * is a hardware key or passkey of unknown number ({@code null}).
		 */
		@Nullable Integer mfaDevices() {
			if (this.row == null || (this.row.mfaActive() && this.virtualDevices == 0)) {
				return null;
			}
			return this.virtualDevices;
		}

	}

}
