-- Service levels: business calendars, SLA policies, and the SLA state each ticket carries.
--
-- A ticket's due times count working time in a calendar: the matching policy's calendar, else
-- its department's, else the workspace's default; with none at all the clock is the wall clock
-- (24×7). The due times themselves (first_response_due_at, next_response_due_at,
-- resolution_due_at, escalation_at) exist since 0001.

create table business_calendars (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  name text not null,
  time_zone text not null,
  -- 24×7: every instant counts; hours and holidays are kept but not used.
  always_open boolean not null default false,
  -- {"mon": [{"start": "08:00", "end": "17:00"}], …}: local wall-clock ranges per weekday.
  hours jsonb not null default '{}',
  -- [{"date": "2026-12-25", "name": "Christmas"}, …]: local dates without working time.
  holidays jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
create unique index business_calendars_name on business_calendars (org_id, lower(name));

-- A department's calendar overrides the workspace's default. A calendar in use cannot be deleted.
alter table workspaces add column calendar_id bigint;
alter table workspaces add constraint workspaces_calendar foreign key (org_id, calendar_id) references business_calendars (org_id, id);
alter table departments add column calendar_id bigint;
alter table departments add constraint departments_calendar foreign key (org_id, calendar_id) references business_calendars (org_id, id);
create index departments_calendar on departments (org_id, calendar_id) where calendar_id is not null;

-- The first active policy, by position, whose lists all match a ticket sets its targets. A null
-- list matches anything; a null target sets no due time of that kind. Targets are business seconds.
create table sla_policies (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  name text not null,
  position integer not null,
  priorities text[],
  department_ids bigint[],
  channels text[],
  category_ids bigint[],
  first_response_seconds integer check (first_response_seconds > 0),
  next_response_seconds integer check (next_response_seconds > 0),
  resolution_seconds integer check (resolution_seconds > 0),
  -- Warn when this share of a target's business time has passed, before it is missed.
  warning_percent smallint check (warning_percent between 1 and 99),
  -- Null: the department's calendar, else the workspace's.
  calendar_id bigint,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, calendar_id) references business_calendars (org_id, id)
);
create unique index sla_policies_name on sla_policies (org_id, lower(name));
create index sla_policies_position on sla_policies (org_id, position, id);
create index sla_policies_calendar on sla_policies (org_id, calendar_id) where calendar_id is not null;

-- The policy that set the ticket's due times. No foreign key: deleting a policy leaves its
-- tickets' due times as they are (no update of every ticket it ever matched); the next change
-- of such a ticket matches the policies again.
alter table tickets add column sla_policy_id bigint;
-- Since when the SLA clock stands still (pending, resolved or closed), and the business seconds
-- of the pauses that ended: every due time counts from its start plus these.
alter table tickets add column sla_paused_at timestamptz;
alter table tickets add column sla_paused_seconds integer not null default 0;
-- Since when the customer waits for an answer (the first unanswered message after the first
-- response), moved on by pauses like the due times; null when nothing is unanswered.
alter table tickets add column next_response_since timestamptz;
-- For reports, in business seconds with pauses left out; over is negative when under target.
alter table tickets add column first_response_seconds_taken integer;
alter table tickets add column first_response_seconds_over integer;
alter table tickets add column resolution_seconds_taken integer;
alter table tickets add column resolution_seconds_over integer;
-- The next instant a warning (warning_percent of a target) is due, for the sweeper. The sweeper
-- looks across workspaces, so the index leads with the instant rather than org_id; being partial,
-- it holds only tickets with a warning to come.
alter table tickets add column sla_warning_at timestamptz;
create index tickets_sla_warning on tickets (sla_warning_at) where sla_warning_at is not null;
