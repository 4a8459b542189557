-- The coverage trend: one row per UTC day, written by the first check of that day that has a report
-- (INSERT ... ON CONFLICT DO NOTHING, so every instance may try). users are the IAM users in scope, with_mfa
-- those of them with an active MFA device, as the report generated at report_generated_at says.
CREATE TABLE coverage_daily (
	day                 date        PRIMARY KEY,
	users               integer     NOT NULL CHECK (users >= 0),
	with_mfa            integer     NOT NULL CHECK (with_mfa >= 0 AND with_mfa <= users),
	report_generated_at timestamptz NOT NULL,
	recorded_at         timestamptz NOT NULL
);
