-- IMAP mailboxes (issue 7): for businesses whose mail lives elsewhere, a department's mailbox on
-- an IMAP server is polled (IDLE where the server has it). Each unread message is stored through
-- the same path as the SMTP listener's mail (inbound_mails, one per Message-ID), in a transaction
-- that also records its UID here; only after that commits is it marked \Seen on the server.

create table imap_mailboxes (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  department_id bigint not null,
  host text not null,
  port integer not null check (port between 1 and 65535),
  -- implicit: TLS from the first byte (993); starttls: upgraded before login, required (143);
  -- none: cleartext, only for a server on this machine or with IMAP_ALLOW_INSECURE.
  tls_mode text not null check (tls_mode in ('implicit', 'starttls', 'none')),
  username text not null,
  -- Needed in clear to log in; never part of an API answer.
  password text not null,
  folder text not null default 'INBOX',
  enabled boolean not null default true,
  -- Raised by every change of the settings: a poller still working with older ones stores nothing.
  version integer not null default 1,
  -- The folder's UIDVALIDITY when last_uid was read; another value means its UIDs start over.
  uid_validity bigint,
  -- The highest UID read in (stored, committed); messages up to it are never read again.
  last_uid bigint not null default 0,
  -- UIDs stored but not yet marked \Seen on the server (the poller marks them first when it reconnects).
  seen_pending_uids bigint[] not null default '{}',
  last_polled_at timestamptz,
  -- What the server (or the network) last answered when polling failed; null once a poll succeeds.
  last_error text,
  last_error_at timestamptz,
  -- Which process polls it, until when: one process per mailbox, another takes over when the lease runs out.
  poller_id text,
  poller_until timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id),
  -- A deleted department takes its IMAP mailboxes with it (as it takes its members).
  foreign key (org_id, department_id) references departments (org_id, id) on delete cascade
);
-- One mailbox per account and folder in a workspace: two pollers of one folder would race for its messages.
create unique index imap_mailboxes_account on imap_mailboxes (org_id, lower(host), port, username, folder);
create index imap_mailboxes_department on imap_mailboxes (org_id, department_id);
create index imap_mailboxes_enabled on imap_mailboxes (poller_until) where enabled;
