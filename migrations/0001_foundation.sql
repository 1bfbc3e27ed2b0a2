-- Foundation: workspaces, agents, departments, categories, customers, tickets, messages, history.
-- Every workspace-owned table leads its keys and indexes with org_id, so the schema can later be
-- distributed by workspace.

create extension if not exists pg_trgm;
create extension if not exists btree_gin;

create table workspaces (
  org_id bigint generated always as identity primary key,
  slug text not null unique,
  name text not null,
  time_zone text not null default 'UTC',
  default_language text not null default 'en',
  public_url text,
  auto_close_after_seconds integer not null default 604800 check (auto_close_after_seconds >= 0),
  ticket_number_prefix text not null default '{YYYY}',
  ticket_number_padding smallint not null default 4 check (ticket_number_padding between 1 and 12),
  sender_name text,
  sender_email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table agents (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  email text not null,
  name text not null,
  role text not null check (role in ('admin', 'agent')),
  password_hash text not null,
  is_active boolean not null default true,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
create unique index agents_email on agents (org_id, lower(email));

create table sessions (
  org_id bigint not null,
  id bigint generated always as identity,
  agent_id bigint not null,
  token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, agent_id) references agents (org_id, id)
);

create table api_keys (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  name text not null,
  key_hash text not null,
  prefix text not null,
  created_by bigint,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, created_by) references agents (org_id, id)
);

create table departments (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  name text not null,
  email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
create unique index departments_name on departments (org_id, lower(name));

create table department_members (
  org_id bigint not null,
  department_id bigint not null,
  agent_id bigint not null,
  primary key (org_id, department_id, agent_id),
  foreign key (org_id, department_id) references departments (org_id, id) on delete cascade,
  foreign key (org_id, agent_id) references agents (org_id, id)
);
create index department_members_agent on department_members (org_id, agent_id);

create table categories (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  name text not null,
  position integer not null default 0,
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
create unique index categories_name on categories (org_id, lower(name));

create table customers (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  customer_code text,
  name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
create unique index customers_code on customers (org_id, lower(customer_code));
create index customers_name_trgm on customers using gin (org_id, name gin_trgm_ops);
create index customers_code_trgm on customers using gin (org_id, customer_code gin_trgm_ops);

create table customer_users (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  customer_id bigint,
  name text not null,
  email text,
  phone text,
  phone_normalized text,
  language text not null default 'en',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id)
);
create unique index customer_users_email on customer_users (org_id, lower(email));
create index customer_users_phone on customer_users (org_id, phone_normalized);
create index customer_users_customer on customer_users (org_id, customer_id);
-- Wildcard search (`ac*`, `*@example.com`, `+62*`) is ILIKE, which trigram indexes serve.
create index customer_users_name_trgm on customer_users using gin (org_id, name gin_trgm_ops);
create index customer_users_email_trgm on customer_users using gin (org_id, email gin_trgm_ops);
create index customer_users_phone_trgm on customer_users using gin (org_id, phone_normalized gin_trgm_ops);

create table tickets (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  seq bigint not null,
  number text not null,
  subject text not null,
  description text not null default '',
  status text not null default 'new' check (status in ('new', 'open', 'pending', 'resolved', 'closed')),
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  priority_rank smallint generated always as (
    case priority when 'low' then 1 when 'medium' then 2 when 'high' then 3 else 4 end
  ) stored,
  category_id bigint,
  department_id bigint,
  assignee_id bigint,
  reporter_id bigint,
  customer_user_id bigint,
  customer_id bigint,
  channel text not null check (channel in ('web', 'email', 'phone', 'in_store', 'review', 'marketplace', 'api', 'chat')),
  source text not null default '',
  order_number text,
  transaction_ref text,
  review_ref text,
  custom_fields jsonb not null default '{}',
  tags text[] not null default '{}',
  locked_by bigint,
  locked_at timestamptz,
  pending_reason text,
  waiting_on text check (waiting_on in ('customer', 'third_party', 'internal')),
  pending_until timestamptz,
  resolved_by text,
  resolution text,
  close_reason text check (close_reason in ('manual', 'auto', 'rejected')),
  first_response_due_at timestamptz,
  next_response_due_at timestamptz,
  resolution_due_at timestamptz,
  escalation_at timestamptz,
  escalation_level integer not null default 0,
  first_responded_at timestamptz,
  verification_state text not null default 'verified' check (verification_state in ('verified', 'unverified', 'rejected')),
  last_customer_activity_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  resolved_at timestamptz,
  closed_at timestamptz,
  version integer not null default 1,
  search tsvector not null,
  search_keys text not null default '',
  primary key (org_id, id),
  foreign key (org_id, category_id) references categories (org_id, id),
  foreign key (org_id, department_id) references departments (org_id, id),
  foreign key (org_id, assignee_id) references agents (org_id, id),
  foreign key (org_id, reporter_id) references agents (org_id, id),
  foreign key (org_id, locked_by) references agents (org_id, id),
  foreign key (org_id, customer_user_id) references customer_users (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id)
);
create unique index tickets_number on tickets (org_id, number);
create unique index tickets_seq on tickets (org_id, seq desc);
create index tickets_updated on tickets (org_id, updated_at desc, id desc);
create index tickets_priority on tickets (org_id, priority_rank desc, id desc);
create index tickets_created on tickets (org_id, created_at desc, id desc);
create index tickets_status_created on tickets (org_id, status, created_at desc, id desc);
create index tickets_channel_created on tickets (org_id, channel, source, created_at desc, id desc);
create index tickets_assignee on tickets (org_id, assignee_id, created_at desc, id desc);
create index tickets_department on tickets (org_id, department_id, created_at desc, id desc);
create index tickets_customer_user on tickets (org_id, customer_user_id, created_at desc, id desc);
create index tickets_customer on tickets (org_id, customer_id, created_at desc, id desc);
create index tickets_order_number on tickets (org_id, order_number) where order_number is not null;
create index tickets_transaction_ref on tickets (org_id, transaction_ref) where transaction_ref is not null;
-- Overdue counts per channel read this partial index alone (no ticket has a due time until SLAs apply).
create index tickets_overdue on tickets (org_id, escalation_at, channel, source) where status in ('new', 'open', 'pending');
create index tickets_search on tickets using gin (org_id, search);
create index tickets_search_keys on tickets using gin (org_id, search_keys gin_trgm_ops);

-- The search document: number and subject weigh most, then customer and order, then the text.
create function tickets_search_document() returns trigger language plpgsql as $$
declare
  cu record;
begin
  select name, email, phone_normalized into cu
    from customer_users where org_id = new.org_id and id = new.customer_user_id;
  new.search :=
    setweight(to_tsvector('simple', concat_ws(' ', new.number, new.subject)), 'A') ||
    setweight(to_tsvector('simple', concat_ws(' ', cu.name, cu.email, new.order_number, new.transaction_ref)), 'B') ||
    setweight(to_tsvector('simple', left(new.description, 200000)), 'C');
  new.search_keys := lower(concat_ws(' ', new.number, new.order_number, new.transaction_ref, cu.email, cu.phone_normalized));
  return new;
end $$;

create trigger tickets_search before insert or update of number, subject, description, order_number, transaction_ref, customer_user_id
  on tickets for each row execute function tickets_search_document();

-- Status counts are kept per (status bucket, channel, source) as they change, spread over slots
-- so that concurrent writers rarely touch the same row.
create table ticket_counts (
  org_id bigint not null,
  bucket text not null,
  channel text not null,
  source text not null,
  slot smallint not null,
  n bigint not null,
  primary key (org_id, bucket, channel, source, slot)
);

create function ticket_bucket(status text, close_reason text) returns text
  language sql immutable
  as $$ select case when status = 'closed' and close_reason = 'auto' then 'auto_closed' else status end $$;

create function ticket_counts_bump(p_org bigint, p_bucket text, p_channel text, p_source text, p_delta integer)
  returns void language plpgsql as $$
begin
  insert into ticket_counts (org_id, bucket, channel, source, slot, n)
  values (p_org, p_bucket, p_channel, p_source, (pg_backend_pid() % 16)::smallint, p_delta)
  on conflict (org_id, bucket, channel, source, slot) do update set n = ticket_counts.n + excluded.n;
end $$;

create function ticket_counts_track() returns trigger language plpgsql as $$
declare
  old_key text;
  new_key text;
begin
  if tg_op <> 'INSERT' then
    old_key := ticket_bucket(old.status, old.close_reason) || '|' || old.channel || '|' || old.source;
  end if;
  if tg_op <> 'DELETE' then
    new_key := ticket_bucket(new.status, new.close_reason) || '|' || new.channel || '|' || new.source;
  end if;
  if old_key is not distinct from new_key then
    return null;
  end if;
  -- Rows are touched in key order so two movers cannot deadlock on each other.
  if old_key is not null and (new_key is null or old_key < new_key) then
    perform ticket_counts_bump(old.org_id, ticket_bucket(old.status, old.close_reason), old.channel, old.source, -1);
    old_key := null;
  end if;
  if new_key is not null then
    perform ticket_counts_bump(new.org_id, ticket_bucket(new.status, new.close_reason), new.channel, new.source, 1);
  end if;
  if old_key is not null then
    perform ticket_counts_bump(old.org_id, ticket_bucket(old.status, old.close_reason), old.channel, old.source, -1);
  end if;
  return null;
end $$;

create trigger tickets_counts after insert or delete or update of status, close_reason, channel, source
  on tickets for each row execute function ticket_counts_track();

create table messages (
  org_id bigint not null,
  id bigint generated always as identity,
  ticket_id bigint not null,
  kind text not null check (kind in ('reply', 'note', 'system')),
  visibility text not null check (visibility in ('public', 'internal')),
  author_kind text not null check (author_kind in ('agent', 'customer', 'system', 'integration')),
  author_id bigint,
  author_name text not null,
  body text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, ticket_id) references tickets (org_id, id)
);
create index messages_ticket on messages (org_id, ticket_id, id);

create table ticket_events (
  org_id bigint not null,
  id bigint generated always as identity,
  ticket_id bigint not null,
  type text not null,
  actor_kind text not null check (actor_kind in ('agent', 'customer', 'system', 'integration')),
  actor_id bigint,
  actor_name text not null,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, ticket_id) references tickets (org_id, id)
);
create index ticket_events_ticket on ticket_events (org_id, ticket_id, id);

create table idempotency_keys (
  org_id bigint not null references workspaces (org_id),
  key text not null,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (org_id, key)
);

-- Attempt counters for unauthenticated endpoints (login). Keyed by IP or account before any
-- workspace is known, so this table alone has no org_id.
create table rate_limits (
  key text primary key,
  window_started_at timestamptz not null,
  hits integer not null
);
