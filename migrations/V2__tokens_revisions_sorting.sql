-- Bearer tokens for users (anonymous authors now, accounts and SSO later), previous versions
-- of edited comments, and indexes for the top/replies sorts of top-level comments.

create table auth_tokens (
    id         bigserial primary key,
    user_id    bigint not null references users (id) on delete cascade,
    site_id    text not null references sites (id) on delete cascade,
    -- SHA-256 of the token; the token itself is only ever known to its holder.
    token_hash bytea not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index auth_tokens_user_idx on auth_tokens (user_id);

create table comment_revisions (
    id             bigserial primary key,
    comment_id     bigint not null references comments (id) on delete cascade,
    -- The source as it was before an edit. Never rendered as HTML: only `html` is.
    body           text not null,
    html           text not null,
    policy_version integer not null,
    written_at     timestamptz not null,
    replaced_at    timestamptz not null default now()
);
create index comment_revisions_comment_idx on comment_revisions (comment_id, id);

create index comments_page_roots_top_idx on comments (page_id, score desc, id desc) where parent_id is null;
create index comments_page_roots_replies_idx on comments (page_id, reply_count desc, id desc) where parent_id is null;
