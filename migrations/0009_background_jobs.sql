-- Durable background work (issue 6): the sweeper's duties find what is due through indexed
-- due-time columns, so a sweep costs what is due, not what is stored; job_runs shows admins each
-- duty's last run.

-- When a ticket waiting on its customer closes itself (close_reason 'auto'): set on entering
-- resolved, or pending waiting on the customer, to that moment plus the workspace's
-- auto_close_after_seconds; set again by the customer's activity; null in every other state and
-- while the workspace's auto-close is off.
alter table tickets add column auto_close_at timestamptz;
-- When the pending reminder is due: pending_until, set by a hold that names one; null once the
-- reminder is sent and on leaving pending, so it is sent once per pending_until.
alter table tickets add column reminder_due_at timestamptz;

-- The sweeper looks across workspaces, so these lead with the due time rather than org_id; being
-- partial, they hold only tickets that are due some day, and "nothing due" is one index probe.
create index tickets_auto_close_due on tickets (auto_close_at) where auto_close_at is not null;
create index tickets_reminder_due on tickets (reminder_due_at) where reminder_due_at is not null;

-- Tickets already waiting on their customer close when the period since their last move or the
-- customer's last activity has run out (updated_at stands in for when a hold began).
update tickets t
   set auto_close_at = greatest(coalesce(t.resolved_at, t.updated_at), t.last_customer_activity_at) + make_interval(secs => w.auto_close_after_seconds)
  from workspaces w
 where w.org_id = t.org_id
   and w.auto_close_after_seconds > 0
   and (t.status = 'resolved' or (t.status = 'pending' and t.waiting_on = 'customer'));
-- Reminders still to come are armed; past ones already show in the Reminder widget, and a burst of
-- stale notifications at the upgrade would help nobody.
update tickets set reminder_due_at = pending_until where status = 'pending' and pending_until > now();

-- One row per duty, written by whichever process ran it last. The sweeper serves every workspace
-- at once, so like rate_limits this table has no org_id; last_error_org_id names the workspace a
-- failed row belonged to, so only that workspace's admins read its error.
create table job_runs (
  duty text primary key,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status text check (last_status in ('ok', 'failed')),
  last_error text,
  last_error_org_id bigint,
  last_counts jsonb not null default '{}',
  total_runs bigint not null default 0,
  last_checked_at timestamptz
);
