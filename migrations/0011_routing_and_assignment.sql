-- Routing and automatic assignment (issue 6, item 7).
--
-- A ticket created without a department goes to the department of the first active routing rule,
-- by position, whose lists all match it; a null list matches anything. A department may then
-- assign a ticket that enters it with no assignee to one of its active members who accept tickets.

create table routing_rules (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  name text not null,
  position integer not null,
  is_active boolean not null default true,
  channels text[],
  -- Lower case, as tickets store their source.
  sources text[],
  -- Checked against the workspace's categories and customers when saved (an array has no foreign key).
  category_ids bigint[],
  customer_ids bigint[],
  -- Words or phrases matched as whole words in the subject, ignoring case and accents (routing/subject-keywords.ts).
  subject_keywords text[],
  department_id bigint not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  -- A department a rule routes to is in use: it cannot be deleted while the rule exists.
  foreign key (org_id, department_id) references departments (org_id, id)
);
create unique index routing_rules_name on routing_rules (org_id, lower(name));
create index routing_rules_position on routing_rules (org_id, position, id);
create index routing_rules_department on routing_rules (org_id, department_id);

-- manual: nobody is picked. round_robin: the member after the one this department picked last
-- (by agent id, wrapping around). least_loaded: the member with the fewest new, open and pending
-- tickets, ties to whoever was picked least recently.
alter table departments add column assignment_mode text not null default 'manual'
  check (assignment_mode in ('manual', 'round_robin', 'least_loaded'));
-- Whose turn it was; the picker locks the department row, so concurrent creates take turns.
alter table departments add column last_assigned_agent_id bigint;
alter table departments add constraint departments_last_assigned_agent
  foreign key (org_id, last_assigned_agent_id) references agents (org_id, id);

-- Off: automatic assignment passes the agent over (away, on leave); manual assignment still works.
alter table agents add column accepting_tickets boolean not null default true;
-- When automatic assignment last picked the agent: least-loaded ties go to who waited longest.
alter table agents add column last_assigned_at timestamptz;

-- Least-loaded counts each candidate's active tickets: this index holds only those.
create index tickets_active_assignee on tickets (org_id, assignee_id)
  where assignee_id is not null and status in ('new', 'open', 'pending');
