-- S13: failed sign-ins per login name, shared by every portal instance. Only the name and the time;
-- rows older than portal.identity.sign-in-lockout are deleted as new failures arrive.
CREATE TABLE sign_in_failure (
	username  varchar(200) NOT NULL,
	failed_at timestamptz  NOT NULL
);

CREATE INDEX sign_in_failure_username_failed_at ON sign_in_failure (username, failed_at);
CREATE INDEX sign_in_failure_failed_at ON sign_in_failure (failed_at);
