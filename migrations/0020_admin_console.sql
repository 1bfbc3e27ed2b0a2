-- The admin console (issue 9).

-- Agents are invited by email: until they follow the link and choose a password they have none.
alter table agents alter column password_hash drop not null;

-- One-time links mailed to an agent: an invitation to choose a first password, or a password
-- reset. Only a hash of the token is kept; a link is spent when used or when a newer one of the
-- same purpose is sent.
create table agent_links (
  org_id bigint not null,
  id bigint generated always as identity,
  agent_id bigint not null,
  purpose text not null check (purpose in ('invitation', 'password_reset')),
  token_hash text not null,
  created_by bigint,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, agent_id) references agents (org_id, id)
);
create unique index agent_links_token on agent_links (token_hash);
create index agent_links_agent on agent_links (org_id, agent_id) where used_at is null;

-- What a key may do; keys made before scopes existed keep doing everything.
alter table api_keys add column scopes text[] not null default '{read,write,channels}';

alter table workspaces add column logo_url text;
-- Channels the admin turned off take no new tickets (replies to existing ones still arrive).
alter table workspaces add column channels_off text[] not null default '{}';

-- Typed ticket fields the admin defines. A field's key and type never change (stored values stay
-- readable); options are retired, never removed, so old tickets still show their label.
create table ticket_fields (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  key text not null,
  type text not null check (type in ('text', 'long_text', 'number', 'date', 'select', 'multi_select', 'checkbox')),
  labels jsonb not null,
  options jsonb not null default '[]',
  required boolean not null default false,
  customer_visible boolean not null default false,
  on_agent_form boolean not null default true,
  on_portal_form boolean not null default false,
  position integer not null default 0,
  retired boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id)
);
create unique index ticket_fields_key on ticket_fields (org_id, key);

-- Filters by a field's value read the values' containment (custom_fields @> '{"key": value}');
-- a text field's "contains" filter first narrows by the trigrams of all the values.
create index tickets_custom_fields on tickets using gin (custom_fields jsonb_path_ops);
create index tickets_custom_fields_text on tickets using gin ((custom_fields::text) gin_trgm_ops);

-- Every admin change: who, what, and the object before and after (secrets left out).
create table audit_log (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  actor_id bigint,
  actor_name text not null,
  action text not null,
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  created_at timestamptz not null,
  primary key (org_id, id)
);
create index audit_log_entity on audit_log (org_id, entity, id);

-- The values of ticket fields are searchable with the rest of the ticket.
create or replace function tickets_search_document() returns trigger language plpgsql as $$
declare
  cu record;
  items text;
  fields text;
begin
  select name, email, phone_normalized into cu
    from customer_users where org_id = new.org_id and id = new.customer_user_id;
  select string_agg(concat_ws(' ', i ->> 'sku', i ->> 'name'), ' ') into items
    from jsonb_array_elements(case when jsonb_typeof(new.order_items) = 'array' then new.order_items else '[]' end) as i;
  select string_agg(f.value, ' ') into fields
    from jsonb_each_text(case when jsonb_typeof(new.custom_fields) = 'object' then new.custom_fields else '{}' end) as f;
  new.search :=
    setweight(to_tsvector('simple', concat_ws(' ', new.number, new.subject)), 'A') ||
    setweight(to_tsvector('simple', concat_ws(' ', cu.name, cu.email, new.order_number, new.transaction_ref, items, left(fields, 20000))), 'B') ||
    setweight(to_tsvector('simple', left(new.description, 200000)), 'C');
  new.search_keys := lower(concat_ws(' ', new.number, new.order_number, new.transaction_ref, cu.email, cu.phone_normalized));
  return new;
end $$;

drop trigger tickets_search on tickets;
create trigger tickets_search before insert or update of number, subject, description, order_number, transaction_ref, customer_user_id, order_items, custom_fields
  on tickets for each row execute function tickets_search_document();
