-- Which portal login each identity-provider session signed in (identity/OidcSignIns), so that a back-channel
-- logout from the provider, naming its session (sid) or the subject, finds the portal sessions to end on any
-- instance. Nothing secret: issuer, subject and sid are identifiers the provider also sends in the clear.
CREATE TABLE oidc_sign_in (
	issuer       text        NOT NULL,
	subject      text        NOT NULL,
	sid          text,
	portal_user  text        NOT NULL,
	signed_in_at timestamptz NOT NULL
);

CREATE INDEX oidc_sign_in_sid ON oidc_sign_in (issuer, sid);
CREATE INDEX oidc_sign_in_subject ON oidc_sign_in (issuer, subject);
CREATE INDEX oidc_sign_in_signed_in_at ON oidc_sign_in (signed_in_at);
