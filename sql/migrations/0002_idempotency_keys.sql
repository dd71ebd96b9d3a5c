-- The first answer to a create or an import sent with an Idempotency-Key header, replayed on retry.
create table idempotency_keys (
  user_id       uuid not null references users (id) on delete cascade,
  key           text not null check (length(key) between 1 and 200),
  request_hash  text not null,
  status        integer not null,
  body          jsonb not null,
  created_at    timestamptz not null default now(),
  primary key (user_id, key)
);
