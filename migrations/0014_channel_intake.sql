-- Channel intake (issue 7): reviews from review platforms and customer issues about orders from
-- marketplaces and shops become tickets through /api/v1/channels/*; loyalty purchases tag tickets.

-- The sources a ticket of a channel can come from (Website, eBay, Amazon, B2B; Google, Facebook…).
-- Admins extend the marketplace list; a review platform an integration names is added to it.
-- A retired source stays readable on old tickets and is no longer offered or accepted.
create table ticket_sources (
  org_id bigint not null references workspaces (org_id),
  channel text not null check (channel in ('marketplace', 'review')),
  key text not null check (key ~ '^[a-z0-9_-]{1,50}$'),
  label text not null,
  position integer not null,
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, channel, key)
);
insert into ticket_sources (org_id, channel, key, label, position)
select w.org_id, v.channel, v.key, v.label, v.position
from workspaces w
cross join (values
  ('marketplace', 'website', 'Website', 0), ('marketplace', 'ebay', 'eBay', 1), ('marketplace', 'amazon', 'Amazon', 2), ('marketplace', 'b2b', 'B2B', 3),
  ('review', 'google', 'Google', 0), ('review', 'facebook', 'Facebook', 1), ('review', 'tripadvisor', 'Tripadvisor', 2)
) as v (channel, key, label, position);

-- Which reviews become tickets: a rating at or below the threshold (0: no rating alone does), or
-- text containing one of the keywords (whatever the rating).
alter table workspaces
  add column review_max_rating smallint not null default 3 check (review_max_rating between 0 and 5),
  add column review_keywords text[] not null default '{}';

-- Reviews of a location (branch, store) go to its department.
create table review_locations (
  org_id bigint not null references workspaces (org_id),
  location text not null,
  department_id bigint not null,
  primary key (org_id, location),
  foreign key (org_id, department_id) references departments (org_id, id) on delete cascade
);

-- Every review received, whether it became a ticket or not: a re-sent review (same platform and
-- external id) updates its row and its ticket; an edit that lowers the rating can make one later.
create table reviews (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  platform text not null,
  external_id text not null,
  location text,
  rating smallint not null check (rating between 1 and 5),
  author text,
  body text not null,
  url text,
  reviewed_at timestamptz,
  ticket_id bigint,
  edits integer not null default 0,
  received_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, ticket_id) references tickets (org_id, id)
);
create unique index reviews_external on reviews (org_id, platform, external_id);
create index reviews_ticket on reviews (org_id, ticket_id) where ticket_id is not null;

alter table tickets
  add column review_rating smallint check (review_rating between 1 and 5),
  add column review_url text,
  -- The items of the order an issue is about: [{sku, name, quantity, price}].
  add column order_items jsonb not null default '[]',
  -- The marketplace's own id of the issue (an eBay return id): a re-sent issue is the same ticket.
  add column external_id text,
  -- The loyalty purchase a ticket is about (transaction_ref names it).
  add column purchase_store text,
  add column purchase_amount numeric(14, 2),
  add column purchase_currency text check (purchase_currency ~ '^[A-Z]{3}$'),
  add column purchased_at timestamptz;
create unique index tickets_external on tickets (org_id, channel, source, external_id) where external_id is not null;

-- Order items are searchable by name and SKU, beside the order number.
create or replace function tickets_search_document() returns trigger language plpgsql as $$
declare
  cu record;
  items text;
begin
  select name, email, phone_normalized into cu
    from customer_users where org_id = new.org_id and id = new.customer_user_id;
  select string_agg(concat_ws(' ', i ->> 'sku', i ->> 'name'), ' ') into items
    from jsonb_array_elements(case when jsonb_typeof(new.order_items) = 'array' then new.order_items else '[]' end) as i;
  new.search :=
    setweight(to_tsvector('simple', concat_ws(' ', new.number, new.subject)), 'A') ||
    setweight(to_tsvector('simple', concat_ws(' ', cu.name, cu.email, new.order_number, new.transaction_ref, items)), 'B') ||
    setweight(to_tsvector('simple', left(new.description, 200000)), 'C');
  new.search_keys := lower(concat_ws(' ', new.number, new.order_number, new.transaction_ref, cu.email, cu.phone_normalized));
  return new;
end $$;

drop trigger tickets_search on tickets;
create trigger tickets_search before insert or update of number, subject, description, order_number, transaction_ref, customer_user_id, order_items
  on tickets for each row execute function tickets_search_document();
