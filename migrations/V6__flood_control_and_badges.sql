-- Flood control and SSO badges on comments.

-- A keyed hash (HMAC-SHA256 with the instance's ip_hash key) of the address a comment came
-- from. Flood control compares addresses without keeping them: the hash says "same address
-- as", never which address. Null for comments written before this column existed.
alter table comments add column author_ip_hash bytea;
-- The SSO badge the author carried when writing, kept like author_name (a later change on the
-- host site does not rewrite what readers saw).
alter table comments add column author_badge text;

-- "The newest comment from this address on this site", and the duplicate check by address.
create index comments_site_ip_idx on comments (site_id, author_ip_hash, created_at)
    where author_ip_hash is not null;

-- Random keys the instance generates once (unlike instance_secrets, which keeps only hashes
-- of secrets that are presented back to it): today the key of author_ip_hash.
create table instance_keys (
    name       text primary key,
    key        bytea not null,
    created_at timestamptz not null default now()
);
