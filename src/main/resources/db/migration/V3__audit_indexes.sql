-- Indexes for the admin audit view (issue 5). Every page is read newest first by (occurred_at DESC, id DESC)
-- with a keyset condition (occurred_at, id) < (...), so each filter column leads an index that ends in that
-- order: a page is then an index range scan that stops after page-size rows, however deep it is.
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_portal_user_idx ON audit_event (portal_user, occurred_at DESC, id DESC);
CREATE INDEX audit_event_iam_user_idx ON audit_event (iam_user, occurred_at DESC, id DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at DESC, id DESC);
CREATE INDEX audit_event_outcome_idx ON audit_event (outcome, occurred_at DESC, id DESC);
