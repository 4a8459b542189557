-- The MFA coverage page (dev.mfaportal.coverage). One row each: the last good credential report, and what the
-- last look at AWS found. Both are shared by every portal instance, so the rate limit on generating a report
-- holds across them, and a restart shows the last good report at once.

-- The last credential report that could be read, as IAM sent it, with the users in scope when it was fetched:
-- scope_users are the names ListUsers gave under scope_path, scope_devices[i] the virtual MFA devices of
-- scope_users[i]. Replaced, never appended to: the trend (V71) keeps the history.
CREATE TABLE coverage_report (
	id            smallint    PRIMARY KEY CHECK (id = 1),
	generated_at  timestamptz NOT NULL,
	fetched_at    timestamptz NOT NULL,
	content       bytea       NOT NULL,
	scope_path    text        NOT NULL,
	scope_users   text[]      NOT NULL,
	scope_devices integer[]   NOT NULL,
	CHECK (cardinality(scope_users) = cardinality(scope_devices))
);

-- The state of the last attempt (CURRENT, GENERATING, NOT_PRESENT, EXPIRED, UNAVAILABLE, DENIED, MALFORMED,
-- FAILED; NONE before the first), the GeneratedTime of the last report seen, good or not, and when
-- GenerateCredentialReport was last called: the instance that moves generation_requested_at forward is the one
-- that calls it.
CREATE TABLE coverage_refresh (
	id                      smallint    PRIMARY KEY CHECK (id = 1),
	state                   text        NOT NULL,
	state_at                timestamptz NOT NULL,
	seen_generated_at       timestamptz,
	generation_requested_at timestamptz,
	aws_error_code          text,
	aws_request_id          text,
	detail                  text
);

INSERT INTO coverage_refresh (id, state, state_at) VALUES (1, 'NONE', now());
