-- A reply is threaded by the Message-IDs it names (issue 7); our own outgoing mails' ids are
-- looked up in the outbox, which without this index meant reading every mail the workspace's
-- ticket ever sent, a cost that grew with each mail sent.
create index outbox_message_id on outbox (org_id, message_id) where ticket_id is not null;
