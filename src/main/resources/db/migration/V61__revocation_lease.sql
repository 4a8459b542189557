-- Serialises session revocations across portal instances: each one reads the revocation policy's default
-- version and writes the next one with its statement added, and IAM keeps the last version written, so two
-- revocations at once would each drop the other's statement. A lease (keyed by the policy's ARN) is a
-- committed row held across those AWS calls without holding a database connection; its holder deletes it,
-- and an instance that dies leaves it to expire. The same shape as enrollment_lease (V40).
CREATE TABLE revocation_lease (
	lease_key  text        PRIMARY KEY,
	holder     uuid        NOT NULL,
	expires_at timestamptz NOT NULL
);
