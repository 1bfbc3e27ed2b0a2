-- Files attached to messages. The bytes live in the data directory under storage_key (a random
-- name); filename is the sender's name, kept for display only. Foreign keys carry org_id so an
-- attachment can never point at another workspace's ticket or message.
create table attachments (
  org_id bigint not null,
  id bigint generated always as identity,
  ticket_id bigint not null,
  message_id bigint not null,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  storage_key text not null,
  created_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, ticket_id) references tickets (org_id, id),
  foreign key (org_id, message_id) references messages (org_id, id)
);
create index attachments_message on attachments (org_id, message_id);
