-- S13 under parallel requests and per source IP: a sign-in is counted as a failure in flight before its
-- password is checked, so that concurrent guesses cannot all pass the check; a right password removes the
-- login's rows, a wrong one keeps its row. The address bounds how many failures one source may cause,
-- across every login it tries.
ALTER TABLE sign_in_failure ADD COLUMN source_ip varchar(64) NOT NULL DEFAULT '';
ALTER TABLE sign_in_failure ADD COLUMN in_flight boolean NOT NULL DEFAULT false;

CREATE INDEX sign_in_failure_source_ip_failed_at ON sign_in_failure (source_ip, failed_at);
