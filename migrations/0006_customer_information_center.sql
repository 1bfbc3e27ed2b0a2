-- The Customer Information Center: richer customers and customer users, accent-insensitive
-- wildcard search, and the agents' own preferences (the dashboard's widgets).

create extension if not exists unaccent;

-- Lower-case without accents, for search: "José" and "JOSE" are the same name. unaccent() itself
-- is only STABLE (its dictionary could change), so this wrapper names the dictionary and is marked
-- IMMUTABLE, which lets indexes use it.
create function caredesk_fold(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- The country whose numbering a phone number without + is read in (ISO 3166 alpha-2, e.g. ID:
-- 0812 3456 7890 is +62 812 3456 7890). Null: only numbers with their country code are matched.
alter table workspaces add column default_country text check (default_country ~ '^[A-Z]{2}$');

alter table customers add column address text;
alter table customers add column notes text;
alter table customers add column attributes jsonb not null default '{}';

alter table customer_users add column loyalty_id text;
-- An invalid customer user stays on old tickets but is no longer offered for new ones.
alter table customer_users add column is_valid boolean not null default true;
create unique index customer_users_loyalty on customer_users (org_id, lower(loyalty_id)) where loyalty_id is not null;

-- Wildcard search folds case and accents; trigram indexes over the folded text serve it.
drop index customers_name_trgm;
drop index customers_code_trgm;
drop index customer_users_name_trgm;
drop index customer_users_email_trgm;
create index customers_name_fold on customers using gin (org_id, caredesk_fold(name) gin_trgm_ops);
create index customers_code_fold on customers using gin (org_id, caredesk_fold(customer_code) gin_trgm_ops);
create index customer_users_name_fold on customer_users using gin (org_id, caredesk_fold(name) gin_trgm_ops);
create index customer_users_email_fold on customer_users using gin (org_id, caredesk_fold(email) gin_trgm_ops);
create index customer_users_loyalty_fold on customer_users using gin (org_id, caredesk_fold(loyalty_id) gin_trgm_ops);

-- An agent's own settings, by name (e.g. the Customer Information Center's widget layout).
create table agent_preferences (
  org_id bigint not null,
  agent_id bigint not null,
  key text not null,
  value jsonb not null,
  updated_at timestamptz not null,
  primary key (org_id, agent_id, key),
  foreign key (org_id, agent_id) references agents (org_id, id)
);
