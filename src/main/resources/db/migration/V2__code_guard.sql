-- Wrong one-time codes, counted per employee and per source IP over a sliding window (S14).
-- Rows older than the window are purged on a schedule; they are counters, not an audit trail.
CREATE TABLE guard_wrong_code (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	portal_user  text        NOT NULL,
	source_ip    text        NOT NULL,
	attempted_at timestamptz NOT NULL
);

CREATE INDEX guard_wrong_code_user_idx ON guard_wrong_code (portal_user, attempted_at);
CREATE INDEX guard_wrong_code_ip_idx ON guard_wrong_code (source_ip, attempted_at);

-- Codes the portal has just sent to AWS (S15). Only HMAC-SHA256(server key, serial + code) is kept,
-- never the code: with a million possible codes a plain hash would be reversible.
CREATE TABLE guard_claimed_code (
	code_hash  bytea       PRIMARY KEY,
	expires_at timestamptz NOT NULL
);

CREATE INDEX guard_claimed_code_expiry_idx ON guard_claimed_code (expires_at);
