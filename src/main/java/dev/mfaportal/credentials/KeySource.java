package dev.mfaportal.credentials;

/** Whose long-term key signs {@code GetSessionToken} ({@code portal.credentials.key-source}). */
enum KeySource {

	/** The employee types or pastes their own key into the form, for that one call. */
	EMPLOYEE_KEY,

	/** The portal creates a key for the employee's IAM user when the form is shown and deletes it after the call. */
	PORTAL_MINTED

}
