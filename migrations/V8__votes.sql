-- Votes on comments: one per user per comment. comments.score is their sum, kept exact by
-- updating it in the voting transaction (which holds the page row lock).

create table comment_votes (
    comment_id bigint not null references comments (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    value      smallint not null check (value in (-1, 1)),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (comment_id, user_id)
);
-- "This reader's votes on this page" (GET /api/v1/votes): a user votes on few comments, so
-- walking the user's votes and joining comments to filter by page stays short.
create index comment_votes_user_idx on comment_votes (user_id, comment_id);
