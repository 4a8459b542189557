-- ATTEMPTED: a row recorded before an AWS change says it was tried; its result follows as its own row.
-- Widening the CHECK changes no row, so the hash chain is untouched.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_outcome_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_outcome_check
	CHECK (outcome IN ('SUCCESS', 'ATTEMPTED', 'FAILURE', 'DENIED'));
