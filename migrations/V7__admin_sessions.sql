-- The instance admin's sessions in the moderator workspace. Signing in there with the admin
-- token used to put the admin token itself into the browser's cookie: the root credential sat
-- in a cookie for good and signing out ended nothing. Now the sign-in issues a random session
-- token, only that goes into the cookie, and this table says whether it is still good.
--
-- A row is a live session until expires_at. Signing out deletes the row rather than marking it
-- revoked: nothing reads ended sessions, and "the row exists and has not expired" is then the
-- whole check. Expired rows are pruned when the next session is issued.
create table admin_sessions (
    id         bigserial primary key,
    -- HMAC-SHA256 of the session token keyed with the admin token's hash (see AdminSessions):
    -- like a plain hash it reveals no token, and rotating the admin token ends every session
    -- issued under the old one, as their rows stop matching.
    token_hash bytea not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
