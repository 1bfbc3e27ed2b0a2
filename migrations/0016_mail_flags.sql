-- Inbound email (issue 7): a ticket opened by a mail and a message added from one name the stored
-- mail they came from, so agents can download the original; and when that mail could not be read
-- completely, why (agents see a flag on the ticket view):
--   unparseable  the MIME could not be parsed at all: the text shown is the raw message
--   truncated    a multipart ends without its closing boundary: parts may be missing
--   charset      text that could not be decoded from its character set (shown as U+FFFD)
--   no_body      the mail declares a body but has no text, HTML or file in it

alter table messages add column inbound_mail_id bigint;
alter table messages add column mail_unreadable text check (mail_unreadable in ('unparseable', 'truncated', 'charset', 'no_body'));
alter table messages add constraint messages_inbound_mail foreign key (org_id, inbound_mail_id) references inbound_mails (org_id, id);

-- No foreign key here: inbound_mails.ticket_id already references tickets, and a cycle would make
-- removing a workspace's rows depend on the order; the reader writes both ids in one transaction.
alter table tickets add column inbound_mail_id bigint;
alter table tickets add column mail_unreadable text check (mail_unreadable in ('unparseable', 'truncated', 'charset', 'no_body'));
