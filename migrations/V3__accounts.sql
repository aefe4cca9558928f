-- Accounts: local sign-up (username + Argon2id password), SSO users keyed by the site's own
-- user id, sign-out that outlives the tokens it revoked, and shared sign-in rate-limit state.

alter table users
    -- The username as chosen (after NFKC), shown as the account's name.
    add column username      text,
    -- NFKC + case folding of the username: what uniqueness and sign-in compare.
    add column username_key  text,
    -- Argon2id in PHC string format; only for kind 'local'.
    add column password_hash text,
    -- The SSO token's `sub`: the user's id in the site's own user base.
    add column external_id   text,
    -- A label the site gives the user through SSO (e.g. "Staff"); shown next to the name.
    add column sso_badge     text,
    -- The last sign-out: SSO tokens issued at or before it are refused (replay after sign-out).
    add column logged_out_at timestamptz,
    add column updated_at    timestamptz not null default now();

alter table users
    add constraint users_local_has_credentials
        check (kind <> 'local' or (username_key is not null and password_hash is not null)),
    add constraint users_sso_has_external_id
        check (kind <> 'sso' or external_id is not null);

create unique index users_site_username_key_idx on users (site_id, username_key) where username_key is not null;
create unique index users_site_external_id_idx on users (site_id, external_id) where external_id is not null;

-- One row per counted event (a sign-in attempt, a failed password, a sign-up) in a named
-- bucket such as 'login-ip:203.0.113.9'. Counting rows in a window keeps the limits shared by
-- every node; rows older than the longest window are pruned as new ones arrive.
create table rate_events (
    bucket text not null,
    at     timestamptz not null default now()
);
create index rate_events_bucket_at_idx on rate_events (bucket, at);
create index rate_events_at_idx on rate_events (at);
