-- Hearth foundation schema: sites, pages, authors, the comment tree, the event outbox.

create table instance_secrets (
    name       text primary key,
    -- SHA-256 of a high-entropy secret (e.g. the bootstrap admin token); never the secret itself.
    hash       bytea not null,
    created_at timestamptz not null default now()
);

create table sites (
    id         text primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name       text not null,
    -- camelCase keys, each with a default in code (SiteSettings); only overrides are stored.
    settings   jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now()
);

create table site_origins (
    site_id text not null references sites (id) on delete cascade,
    origin  text not null,
    primary key (site_id, origin)
);

create table users (
    id           bigserial primary key,
    site_id      text not null references sites (id) on delete cascade,
    kind         text not null check (kind in ('anonymous', 'local', 'sso')),
    display_name text not null,
    -- Never returned by the public API nor shown on a page.
    email        text,
    created_at   timestamptz not null default now()
);
create index users_site_idx on users (site_id);

create table pages (
    id               bigserial primary key,
    site_id          text not null references sites (id) on delete cascade,
    key              text not null,
    url              text,
    title            text,
    closed           boolean not null default false,
    author_user_id   bigint references users (id) on delete set null,
    -- Visible comments only; kept exact by updating it in the writing transaction.
    comment_count    integer not null default 0,
    -- Number of top-level comments ever created: the next one's sibling rank.
    root_seq         integer not null default 0,
    first_comment_at timestamptz,
    -- Bumped by every change to the page or its comments: cached renderings are keyed by it.
    version          bigint not null default 0,
    created_at       timestamptz not null default now(),
    unique (site_id, key)
);

create table comments (
    id             bigserial primary key,
    site_id        text not null references sites (id) on delete cascade,
    page_id        bigint not null references pages (id) on delete cascade,
    parent_id      bigint references comments (id) on delete cascade,
    -- The top-level comment of this thread (itself for a top-level comment).
    root_id        bigint not null references comments (id) on delete cascade,
    depth          integer not null check (depth >= 0),
    -- 1-based position among its siblings, in order of creation.
    sibling_rank   integer not null check (sibling_rank >= 1),
    -- Pre-order display key: the parent's key followed by this comment's rank in an
    -- order-preserving variable-length code (see SortKey). Sorting a page's comments by it
    -- yields every thread in display order; beyond SortKey.MAX_RANKED_DEPTH it continues
    -- chronologically so the key stays within the index row limit for any depth.
    sort_key       bytea not null,
    -- Largest sibling_rank on the path below the top-level comment: lets a reader ask for
    -- "every reply within the first N of each level" with one indexed range scan.
    path_max_rank  integer not null default 0,
    author_id      bigint not null references users (id),
    -- The name the author wrote under, as it was then (a later rename does not rewrite history).
    author_name    text not null,
    -- The source as typed. Never rendered as HTML: only `html` is.
    body           text not null,
    html           text not null,
    policy_version integer not null,
    status         text not null default 'visible'
                   check (status in ('visible', 'pending', 'hidden', 'rejected', 'deleted')),
    created_at     timestamptz not null default now(),
    edited_at      timestamptz,
    -- Direct replies ever created: the next reply's sibling rank.
    child_seq      integer not null default 0,
    -- Visible direct replies.
    reply_count    integer not null default 0,
    score          integer not null default 0
);
create index comments_page_sort_idx on comments (page_id, sort_key);
create index comments_root_sort_idx on comments (root_id, sort_key);
create index comments_page_roots_idx on comments (page_id, id) where parent_id is null;
create index comments_parent_idx on comments (parent_id, id);
create index comments_author_idx on comments (author_id, created_at);

-- The outbox the live hub reads: written in the same transaction as the change it reports.
create table events (
    id         bigserial primary key,
    site_id    text not null references sites (id) on delete cascade,
    page_id    bigint references pages (id) on delete cascade,
    kind       text not null,
    comment_id bigint,
    payload    jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now()
);
create index events_page_idx on events (page_id, id);
create index events_created_idx on events (created_at);

-- Idempotency-Key: the first response to a keyed POST, replayed for every retry.
create table idempotency_keys (
    scope        text not null,
    key          text not null,
    request_hash bytea not null,
    status       integer,
    response     jsonb,
    created_at   timestamptz not null default now(),
    primary key (scope, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
