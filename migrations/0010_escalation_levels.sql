-- Escalation levels per department (issue 6, the "process flow"): once a ticket is past its
-- escalation time (its earliest unmet due time), level 1 fires after its delay, level 2 after its
-- longer one, and so on. Each level tells named agents (or a department's members) and may
-- reassign the ticket or raise its priority.
create table escalation_levels (
  org_id bigint not null,
  department_id bigint not null,
  level smallint not null check (level between 1 and 10),
  -- Business seconds past the escalation time, in the ticket's calendar; strictly increasing by level.
  delay_seconds integer not null check (delay_seconds >= 0),
  -- Agents to tell; checked against the workspace's agents when saved (an array has no foreign key).
  notify_agent_ids bigint[] not null default '{}',
  notify_department_id bigint,
  reassign_department_id bigint,
  reassign_agent_id bigint,
  raise_priority_to text check (raise_priority_to in ('low', 'medium', 'high', 'urgent')),
  primary key (org_id, department_id, level),
  foreign key (org_id, department_id) references departments (org_id, id),
  foreign key (org_id, notify_department_id) references departments (org_id, id),
  foreign key (org_id, reassign_department_id) references departments (org_id, id),
  foreign key (org_id, reassign_agent_id) references agents (org_id, id)
);

-- When the ticket's next escalation level fires: the escalation time plus that level's delay,
-- while the SLA clock runs and a further level exists; null otherwise. Like the other sweeper
-- columns, the partial index leads with the instant, not org_id (the sweeper serves every workspace).
alter table tickets add column escalation_due_at timestamptz;
create index tickets_escalation_due on tickets (escalation_due_at) where escalation_due_at is not null;

-- Agents hear of a coming breach before it happens (the policy's warning threshold).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'new_ticket', 'assigned', 'customer_note', 'customer_resolved', 'customer_reopened', 'escalation', 'pending_reminder', 'sla_warning'
));
