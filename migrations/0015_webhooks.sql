-- Signed webhooks out (issue 7). An admin registers endpoints per workspace with the events they
-- want; every change written to a ticket's history queues one delivery per endpoint that wants
-- it, in the same transaction (a trigger on ticket_events, so every writer of history queues
-- without knowing of webhooks), and the webhook worker posts them, signed, with retries.

create table webhooks (
  org_id bigint not null references workspaces (org_id),
  id bigint generated always as identity,
  url text not null,
  description text not null default '',
  -- Webhook event names (ticket.created, …), see webhook_event_name below.
  events text[] not null,
  -- Kept in clear: the HMAC needs it. Shown to the admin only when created or rotated.
  secret text not null,
  -- After a rotation deliveries are signed with both secrets until previous_secret_until.
  previous_secret text,
  previous_secret_until timestamptz,
  -- The admin's explicit leave to post to loopback, link-local or private addresses (self-hosting).
  allow_private boolean not null default false,
  enabled boolean not null default true,
  disabled_at timestamptz,
  disabled_reason text,
  -- Deliveries given up (after a day of retries) since the last one that arrived.
  consecutive_failures integer not null default 0,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id)
);
create index webhooks_enabled on webhooks (org_id) where enabled;

-- One post of one event to one endpoint, claimed by a worker like the outbox's mails: 'sending'
-- with a lease, attempts counting the claims. The body is fixed when queued (the ticket as it was
-- after the change), so every retry sends the same bytes.
create table webhook_deliveries (
  org_id bigint not null,
  id bigint generated always as identity,
  webhook_id bigint not null,
  event text not null,
  ticket_event_id bigint,
  ticket_id bigint,
  payload jsonb not null,
  occurred_at timestamptz not null,
  status text not null default 'queued' check (status in ('queued', 'sending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  response_excerpt text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, webhook_id) references webhooks (org_id, id) on delete cascade,
  foreign key (org_id, ticket_event_id) references ticket_events (org_id, id) on delete cascade,
  foreign key (org_id, ticket_id) references tickets (org_id, id) on delete cascade
);
-- Like the outbox's, the worker's indexes lead with the instant: it serves every workspace.
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'queued';
create index webhook_deliveries_leased on webhook_deliveries (lease_until) where status = 'sending';
create index webhook_deliveries_log on webhook_deliveries (org_id, webhook_id, id);
-- A ticket's events reach an endpoint in order: a delivery waits for the earlier ones still open.
create index webhook_deliveries_open on webhook_deliveries (org_id, webhook_id, ticket_id, id) where status in ('queued', 'sending');
create index webhook_deliveries_ticket on webhook_deliveries (org_id, ticket_id);

-- The webhook event a history event is delivered as. src/contract/webhooks.ts lists the names;
-- webhooks.api.test.ts checks that the two agree. A history event added later is a ticket.updated.
create function webhook_event_name(event_type text) returns text language sql immutable as $$
  select case event_type
    when 'created' then 'ticket.created'
    when 'opened' then 'ticket.status_changed'
    when 'held' then 'ticket.status_changed'
    when 'resumed' then 'ticket.status_changed'
    when 'resolved' then 'ticket.status_changed'
    when 'reopened' then 'ticket.status_changed'
    when 'closed' then 'ticket.status_changed'
    when 'replied' then 'ticket.message_added'
    when 'note_added' then 'ticket.message_added'
    when 'assigned' then 'ticket.assigned'
    when 'unassigned' then 'ticket.assigned'
    when 'escalated' then 'ticket.escalated'
    when 'verified' then 'ticket.verified'
    when 'rejected' then 'ticket.rejected'
    when 'sla_warning' then 'ticket.sla_warning'
    when 'reminded' then 'ticket.reminded'
    else 'ticket.updated'
  end
$$;

-- Instants in bodies as JavaScript writes them (2026-03-02T08:00:00.000Z), whatever the session's time zone.
create function webhook_time(t timestamptz) returns text language sql immutable as $$
  select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- Statement-level, so a sweeper's batch of 500 events costs one query; with no endpoint enabled
-- anywhere it is one index probe.
create function enqueue_webhook_deliveries() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from webhooks where enabled) then
    return null;
  end if;
  insert into webhook_deliveries (org_id, webhook_id, event, ticket_event_id, ticket_id, payload, occurred_at, next_attempt_at, created_at)
  select e.org_id, w.id, webhook_event_name(e.type), e.id, e.ticket_id,
         jsonb_build_object(
           'workspace', jsonb_build_object('id', ws.org_id, 'slug', ws.slug, 'name', ws.name),
           'ticket', jsonb_build_object(
             'id', t.id, 'number', t.number, 'subject', t.subject, 'status', t.status, 'priority', t.priority,
             'channel', t.channel, 'verification', t.verification_state, 'escalation_level', t.escalation_level,
             'order_number', t.order_number, 'tags', to_jsonb(t.tags),
             'department', case when d.id is null then null else jsonb_build_object('id', d.id, 'name', d.name) end,
             'category', case when c.id is null then null else jsonb_build_object('id', c.id, 'name', c.name) end,
             'assignee', case when a.id is null then null else jsonb_build_object('id', a.id, 'name', a.name) end,
             'customer_user', case when cu.id is null then null else jsonb_build_object('id', cu.id, 'name', cu.name, 'email', cu.email) end,
             'created_at', webhook_time(t.created_at), 'updated_at', webhook_time(t.updated_at)),
           'change', jsonb_build_object('type', e.type, 'before', e.before, 'after', e.after),
           'actor', jsonb_build_object('kind', e.actor_kind, 'id', e.actor_id, 'name', e.actor_name)),
         e.created_at, e.created_at, e.created_at
    from new_events e
    join webhooks w on w.org_id = e.org_id and w.enabled and webhook_event_name(e.type) = any (w.events)
    join workspaces ws on ws.org_id = e.org_id
    join tickets t on t.org_id = e.org_id and t.id = e.ticket_id
    left join departments d on d.org_id = t.org_id and d.id = t.department_id
    left join categories c on c.org_id = t.org_id and c.id = t.category_id
    left join agents a on a.org_id = t.org_id and a.id = t.assignee_id
    left join customer_users cu on cu.org_id = t.org_id and cu.id = t.customer_user_id
   order by e.id, w.id;
  if found then
    -- Wakes the webhook workers once the transaction commits.
    perform pg_notify('caredesk_webhooks', 'queued');
  end if;
  return null;
end
$$;

create trigger ticket_events_webhooks after insert on ticket_events
  referencing new table as new_events
  for each statement execute function enqueue_webhook_deliveries();

-- Admins hear when an endpoint was turned off after repeated failures.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'new_ticket', 'assigned', 'customer_note', 'customer_resolved', 'customer_reopened', 'escalation', 'pending_reminder', 'sla_warning',
  'webhook_disabled'
));
