-- Reports (issue 8) are computed from the history, so they hold for any past range. Each event
-- that reports measure carries its figures beside it (not in the history shown): an agent's first
-- response, its seconds (business time where the ticket's SLA counts in a calendar) and how far
-- past the target; a resolution likewise. A ticket resolved twice has two.
alter table ticket_events add column measures jsonb;

-- The activity report reads a range of a workspace's events in time order; the overview's figures
-- each read a few types of event in a range (first responses, resolutions, escalations, …), so
-- they find them without reading the others.
create index ticket_events_created on ticket_events (org_id, created_at);
create index ticket_events_type_created on ticket_events (org_id, type, created_at);

-- Events stored before this migration: the figures the ticket kept (its latest first response and
-- resolution, in the SLA's time), else the wall time since the ticket was created.
update ticket_events e
set measures = jsonb_build_object(
  'resolution_seconds', case when t.resolved_at = e.created_at and t.resolution_seconds_taken is not null
    then t.resolution_seconds_taken else greatest(0, floor(extract(epoch from e.created_at - t.created_at)))::bigint end,
  'resolution_seconds_over', case when t.resolved_at = e.created_at then t.resolution_seconds_over end)
from tickets t
where t.org_id = e.org_id and t.id = e.ticket_id and e.type = 'resolved';

-- The first response is the ticket's first agent reply at the instant the ticket recorded (the first
-- of them, should two share it).
update ticket_events e
set measures = jsonb_build_object('first_response_seconds', f.seconds, 'first_response_seconds_over', f.over)
from (
  select distinct on (r.org_id, r.ticket_id) r.org_id, r.id,
    coalesce(t.first_response_seconds_taken, greatest(0, floor(extract(epoch from t.first_responded_at - t.created_at)))::bigint) as seconds,
    t.first_response_seconds_over as over
  from ticket_events r
  join tickets t on t.org_id = r.org_id and t.id = r.ticket_id
  where r.type = 'replied' and r.actor_kind = 'agent' and r.created_at = t.first_responded_at
  order by r.org_id, r.ticket_id, r.id
) f
where e.org_id = f.org_id and e.id = f.id;
