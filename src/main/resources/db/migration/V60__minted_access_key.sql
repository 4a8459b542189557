-- Every long-term access key the portal mints for an employee's IAM user (portal-minted key source, S40).
-- The row is written BEFORE CreateAccessKey (access_key_id still null: the intent), filled in with the key id
-- as soon as AWS answers, and marked deleted after DeleteAccessKey. A row left with a null key id or no
-- deleted_at is what the reconciler cleans up: it lists the user's keys and deletes those the portal made.
-- No secret is ever stored here.
CREATE TABLE minted_access_key (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	portal_user   text        NOT NULL,
	iam_user      text        NOT NULL,
	intended_at   timestamptz NOT NULL,
	access_key_id text,
	created_at    timestamptz,
	deleted_at    timestamptz
);

CREATE UNIQUE INDEX minted_access_key_id_idx ON minted_access_key (access_key_id);
CREATE INDEX minted_access_key_open_idx ON minted_access_key (intended_at) WHERE deleted_at IS NULL;
