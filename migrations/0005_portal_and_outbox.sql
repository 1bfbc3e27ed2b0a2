-- The customer portal (one-time sign-in links, portal sessions), the durable outbox that carries
-- every outgoing mail, the admins' mail templates, and what the notifications need besides.

-- A sign-in link mailed to a customer user. Only the SHA-256 of the token is stored; a link is
-- consumed by setting used_at in the statement that checks it, so it opens one session at most.
create table portal_links (
  org_id bigint not null,
  id bigint generated always as identity,
  customer_user_id bigint not null,
  token_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, customer_user_id) references customer_users (org_id, id)
);
create unique index portal_links_token on portal_links (token_hash);

create table portal_sessions (
  org_id bigint not null,
  id bigint generated always as identity,
  customer_user_id bigint not null,
  token_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, customer_user_id) references customer_users (org_id, id)
);
create index portal_sessions_user on portal_sessions (org_id, customer_user_id) where revoked_at is null;

-- Every outgoing mail, written in the transaction of the change that caused it and delivered by
-- the outbox worker. A row is claimed by moving it to 'sending' with a lease; a worker that dies
-- leaves the lease to expire and another claims the row again. message_id is fixed at enqueue,
-- so a mail sent twice after such a crash is recognisable as the same mail.
create table outbox (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  template text not null,
  language text not null,
  ticket_id bigint,
  to_address text not null,
  to_name text,
  subject text not null,
  text_body text not null,
  html_body text not null,
  message_id text not null,
  in_reply_to text,
  "references" text[] not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'kept')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, ticket_id) references tickets (org_id, id)
);
create index outbox_due on outbox (next_attempt_at) where status = 'queued';
create index outbox_leased on outbox (lease_until) where status = 'sending';
create index outbox_org on outbox (org_id, id);
create index outbox_ticket on outbox (org_id, ticket_id);

-- An admin's wording of a mail, per event and language; built-in wording serves where none is stored.
create table mail_templates (
  org_id bigint not null references workspaces (org_id),
  template text not null,
  language text not null,
  subject text not null,
  body text not null,
  updated_at timestamptz not null,
  primary key (org_id, template, language)
);

-- Agents choose whether their notifications also come by email.
alter table agents add column email_notifications boolean not null default false;

-- What the resolution is, besides its words: "collect" tells the customer their product is ready.
alter table tickets add column resolution_kind text check (resolution_kind in ('collect', 'refund', 'replacement', 'explained', 'other'));
