-- The chain becomes keyed: new rows are hashed with HMAC-SHA256 under portal.audit.chain-key, which the database
-- never sees (hash_version 2; dev.mfaportal.audit.AuditHashes documents both forms). Rows written before keep their
-- plain SHA-256 hashes (hash_version 1): rehashing them would need an UPDATE of the append-only table and would
-- destroy the very evidence the chain holds. They stay verifiable as they are, and the first keyed row binds them,
-- because its prev_hash (the last old row's hash) is part of what its key-holder's hash covers.
-- Adding a column with a constant default rewrites no row and fires no row trigger.
ALTER TABLE audit_event ADD COLUMN hash_version smallint NOT NULL DEFAULT 1;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_version_check CHECK (hash_version IN (1, 2));
