package dev.mfaportal.audit;

import java.util.Map;

/**
 * What the portal itself has seen of each IAM user, read from the audit log, for pages that set it beside what
 * AWS reports about the account.
 */
public interface PortalActivity {

	/**
	 * The last successful sign-in, MFA device activation and credentials issuance of every IAM user the log names,
	 * keyed by IAM user name: one grouped query over the log, however many users.
	 */
	Map<String, LastActivity> lastActivityByIamUser();

}
