-- The audit view's user filters ignore case (an admin types "Alice" for alice; IAM user names are unique
-- whatever their case). These replace V3's user indexes: like them, each leads with the filtered value and
-- ends in the order pages are read in, so a filtered page stays an index range scan. Nothing else filters the
-- log on a user name as it is written.
CREATE INDEX audit_event_portal_user_lower_idx ON audit_event (lower(portal_user), occurred_at DESC, id DESC);
CREATE INDEX audit_event_iam_user_lower_idx ON audit_event (lower(iam_user), occurred_at DESC, id DESC);
DROP INDEX audit_event_portal_user_idx;
DROP INDEX audit_event_iam_user_idx;
