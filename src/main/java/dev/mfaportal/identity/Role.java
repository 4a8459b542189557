package dev.mfaportal.identity;

/**
 * The portal's roles. What each may do is written once, in {@link SecurityConfiguration}: an employee uses
 * the self-service pages, the help desk also removes a lost device for someone else, an auditor reads and
 * exports the audit log, and an admin does all of it.
 */
enum Role {

	EMPLOYEE, HELPDESK, AUDITOR, ADMIN

}
