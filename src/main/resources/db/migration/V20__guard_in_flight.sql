-- S14 under parallel requests: an attempt is counted (in_flight) before its code goes to AWS, so that
-- concurrent requests cannot all pass the check; the row is deleted when AWS accepts the code, and kept as
-- a wrong code when it does not. A row left in flight by a crashed instance counts until the window ends.
ALTER TABLE guard_wrong_code ADD COLUMN in_flight boolean NOT NULL DEFAULT false;
