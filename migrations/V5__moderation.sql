-- Reports with weights, the state moderation leaves on comments, users and pages, and the
-- audit log of every moderator action.

create table reports (
    id          bigserial primary key,
    site_id     text not null references sites (id) on delete cascade,
    comment_id  bigint not null references comments (id) on delete cascade,
    reporter_id bigint not null references users (id) on delete cascade,
    reason      text not null check (reason in ('spam', 'abusive', 'offensive', 'off_topic', 'illegal', 'other')),
    -- The reporter's words. Never rendered as HTML.
    note        text,
    weight      real not null,
    status      text not null default 'open' check (status in ('open', 'dismissed', 'upheld')),
    created_at  timestamptz not null default now(),
    resolved_at timestamptz,
    unique (comment_id, reporter_id)
);
create index reports_comment_idx on reports (comment_id, id);
create index reports_reporter_idx on reports (reporter_id, created_at);

alter table comments
    add column report_score      real not null default 0,
    add column open_reports      integer not null default 0,
    add column last_report_at    timestamptz,
    -- Which auto-moderation rule held the comment ("banned_word", "too_many_links", ...).
    add column held_by           text,
    add column held_detail       text,
    -- Why a moderator removed it, shown to its author.
    add column moderation_reason text,
    add column approved_at       timestamptz;
create index comments_site_status_idx on comments (site_id, status, id desc);
create index comments_site_reported_idx on comments (site_id, report_score desc, last_report_at desc)
    where open_reports > 0;

alter table users add column premoderated boolean not null default false;
alter table pages add column premoderated boolean not null default false;

create table moderation_actions (
    id                bigserial primary key,
    site_id           text not null references sites (id) on delete cascade,
    actor_user_id     bigint references users (id) on delete set null,
    actor_admin       boolean not null default false,
    action            text not null,
    target_comment_id bigint references comments (id) on delete set null,
    target_user_id    bigint references users (id) on delete set null,
    page_id           bigint references pages (id) on delete set null,
    reason            text,
    created_at        timestamptz not null default now()
);
create index moderation_actions_site_idx on moderation_actions (site_id, id desc);
