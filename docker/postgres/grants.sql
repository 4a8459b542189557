-- What the application role may do, run as the schema owner after every migration (docs/deployment.md,
-- "Database roles", holds the same statements; DatabaseRolesTests applies them and checks that they agree).
GRANT USAGE ON SCHEMA public TO mfaportal_app;
-- Flyway's history: the portal checks at start-up that no migration is pending
GRANT SELECT ON flyway_schema_history TO mfaportal_app;
-- the audit log: read and append only (S23); audit_hourly is kept by a SECURITY DEFINER trigger
GRANT SELECT, INSERT ON audit_event TO mfaportal_app;
GRANT SELECT ON audit_hourly TO mfaportal_app;
-- working tables: wrong-code counters, used codes, failed sign-ins, sessions, leases, company sign-ins
GRANT SELECT, INSERT, UPDATE, DELETE ON guard_wrong_code, guard_claimed_code, sign_in_failure,
	spring_session, spring_session_attributes, enrollment_lease, revocation_lease, oidc_sign_in TO mfaportal_app;
-- the ledger of portal-minted access keys: recorded, then marked; never deleted
GRANT SELECT, INSERT, UPDATE ON minted_access_key TO mfaportal_app;
-- the coverage page: the last good credential report and the refresh state (replaced), the trend (appended)
GRANT SELECT, INSERT, UPDATE ON coverage_report, coverage_refresh TO mfaportal_app;
GRANT SELECT, INSERT ON coverage_daily TO mfaportal_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO mfaportal_app;
-- tables a later version adds can at least be read; what else they need is granted explicitly (below)
ALTER DEFAULT PRIVILEGES FOR ROLE mfaportal_owner IN SCHEMA public GRANT SELECT ON TABLES TO mfaportal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE mfaportal_owner IN SCHEMA public GRANT USAGE ON SEQUENCES TO mfaportal_app;
