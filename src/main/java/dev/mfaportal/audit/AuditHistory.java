package dev.mfaportal.audit;

import java.util.List;

/**
 * Read access to the audit log for other modules' admin pages.
 */
public interface AuditHistory {

	/** The newest events that concern an IAM user, newest first. */
	List<AuditEntry> recentForIamUser(String iamUserName, int limit);

}
