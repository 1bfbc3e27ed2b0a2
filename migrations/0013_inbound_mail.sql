-- Inbound email (issue 7): every mail the SMTP listener accepts is stored here, raw, before it is
-- answered 250; the sweeper's inbound_mail duty then reads it into a ticket (a new one, a reply,
-- a follow-up of a closed one), records a bounce, or sets it aside, and keeps the outcome.

create table inbound_mails (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  -- '<…>' as sent; one stored mail per Message-ID and workspace (the same mail to two addresses is one ticket).
  message_id text,
  mail_from text not null default '',
  rcpt_to text[] not null,
  department_id bigint,
  raw bytea not null,
  size_bytes integer not null,
  received_at timestamptz not null,
  -- When the inbound_mail duty is due to read it; null once read.
  process_at timestamptz,
  kind text check (kind in ('mail', 'auto_reply', 'bounce')),
  outcome text check (outcome in ('ticket_created', 'added_to_ticket', 'follow_up_created', 'ignored', 'bounce_recorded', 'unreadable_ticket')),
  reason text,
  ticket_id bigint,
  readable boolean,
  processed_at timestamptz,
  primary key (org_id, id),
  -- A department deleted later leaves its mails with none (the delete is not refused for them).
  foreign key (org_id, department_id) references departments (org_id, id) on delete set null (department_id),
  foreign key (org_id, ticket_id) references tickets (org_id, id)
);
create unique index inbound_mails_message_id on inbound_mails (org_id, message_id) where message_id is not null;
create index inbound_mails_due on inbound_mails (process_at) where process_at is not null;

-- A message that came by mail keeps its Message-ID: replies that name it thread into its ticket.
alter table messages add column mail_message_id text;
create index messages_mail_message_id on messages (org_id, mail_message_id) where mail_message_id is not null;

-- Who was on the CC of the mail that opened a ticket: they may reply by the number in the subject.
alter table tickets add column mail_cc text[] not null default '{}';
-- A reply to a closed ticket opens a new one that follows it up.
alter table tickets add column follow_up_of bigint;
alter table tickets add constraint tickets_follow_up_of foreign key (org_id, follow_up_of) references tickets (org_id, id);

-- A mail to the customer about a ticket comes from its department's address when it has one, so
-- the customer's answer reaches that department (null: the workspace's sender).
alter table outbox add column from_address text;

-- Mail to a customer user that bounced: the last bounce, for agents to see.
alter table customer_users add column bounced_at timestamptz;
alter table customer_users add column bounce_reason text;

-- Signs the thread ids of the workspace's outgoing mails, so a reply that names one is known to be
-- about that ticket (a stranger cannot make one up).
alter table workspaces add column mail_secret text not null default encode(sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex');
