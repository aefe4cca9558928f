-- Staff roles per site, and the state bans and suspensions leave on a user.

create table site_roles (
    site_id    text not null references sites (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    role       text not null check (role in ('owner', 'moderator')),
    granted_by bigint references users (id) on delete set null,
    created_at timestamptz not null default now(),
    primary key (site_id, user_id)
);

alter table users
    add column banned_at       timestamptz,
    add column ban_reason      text,
    add column suspended_until timestamptz;
