-- Agents' in-app notifications (the bell). One row per recipient, written in the transaction of
-- the change that caused it, so a rolled-back change notifies nobody. Foreign keys carry org_id:
-- a notification can never name another workspace's agent or ticket.
create table notifications (
  org_id bigint not null,
  id bigint generated always as identity,
  agent_id bigint not null,
  ticket_id bigint not null,
  kind text not null check (kind in (
    'new_ticket', 'assigned', 'customer_note', 'customer_resolved', 'customer_reopened', 'escalation', 'pending_reminder'
  )),
  actor_name text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, agent_id) references agents (org_id, id),
  foreign key (org_id, ticket_id) references tickets (org_id, id)
);
create index notifications_agent on notifications (org_id, agent_id, id);
create index notifications_unread on notifications (org_id, agent_id) where read_at is null;
