-- Short leases that serialise work across portal instances without holding a database connection while
-- AWS answers: activations for one IAM user (S19) and the abandoned-device sweep. A lease is a committed
-- row; its holder deletes it when done, and an instance that dies leaves it to expire.
CREATE TABLE enrollment_lease (
	lease_key  text        PRIMARY KEY,
	holder     uuid        NOT NULL,
	expires_at timestamptz NOT NULL
);
