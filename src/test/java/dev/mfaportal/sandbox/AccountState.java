package dev.mfaportal.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the sandbox account holds, guarded by one lock, and the actions that serve it.
 */
final class AccountState {

	final Object lock = new Object();

	final IamState iam = new IamState(SandboxAccount.ACCOUNT_ID);

	final AccessKeys keys = new AccessKeys();

	final IamPolicies policies = new IamPolicies(SandboxAccount.ACCOUNT_ID);

	final CredentialReports reports = new CredentialReports();

	AccountState() {
		AccountSeed.apply(this.iam, this.keys, this.policies);
	}

	Map<String, Action> iamActions(Supplier<Instant> totpClock) {
		Map<String, Action> actions = new HashMap<>();
		new IamDeviceActions(this.iam, totpClock).register(actions);
		new IamQueryActions(this.iam, SandboxAccount.ACCOUNT_ALIAS).register(actions);
		new IamAccessKeyActions(this.iam, this.keys).register(actions);
		new IamPolicyActions(this.policies).register(actions);
		new IamUserPolicyActions(this.iam, this.policies).register(actions);
		new CredentialReportActions(this.iam, this.keys, this.reports).register(actions);
		return actions;
	}

	Map<String, Action> stsActions(Supplier<Instant> totpClock) {
		Map<String, Action> actions = new HashMap<>();
		new StsActions(this.iam, this.keys, totpClock).register(actions);
		return actions;
	}

	/** The seeded users, keys and policies only; no devices, sessions or report. */
	void reset() {
		synchronized (this.lock) {
			this.iam.clearDevices();
			this.iam.removeUsersExcept(AccountSeed.userNames());
			this.keys.retainOnly(AccountSeed.accessKeyIds());
			AccountSeed.apply(this.iam, this.keys, this.policies);
			this.reports.reset();
		}
	}

	List<String> seedDemoUsers() {
		synchronized (this.lock) {
			return DemoUsers.seed(this.iam, this.keys, this.policies);
		}
	}

}
