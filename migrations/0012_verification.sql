-- Verification (issue 6, item 6). tickets.verification_state exists since 0001.
--
-- Tickets from the channels a workspace names start unverified, with no department and no
-- assignee; verifying allocates them to the department they asked for (given, or routed), which
-- they keep meanwhile. Rejecting closes them with close_reason=rejected.

alter table workspaces add column verification_channels text[] not null default '{}';

alter table tickets add column requested_department_id bigint;
alter table tickets add constraint tickets_requested_department
  foreign key (org_id, requested_department_id) references departments (org_id, id);

-- The "To verify" list and its count: few rows, newest first.
create index tickets_unverified on tickets (org_id, created_at desc, id desc) where verification_state = 'unverified';
