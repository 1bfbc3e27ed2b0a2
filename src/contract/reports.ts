import { z } from 'zod';
import { page, timestamp } from './common.ts';
import { channels } from './channels.ts';
import { csvOf, idCsv, priorities, sourceCsv, statuses } from './tickets.ts';

/** Reports (issue 8; DESIGN.md §3 "Reports"): figures computed from the tickets' history. */

/** The longest range a report takes, in years (a leap day included): longer ranges answer 400. */
export const maxRangeYears = 2;

export const reportPresets = ['today', 'last_7_days', 'last_30_days', 'this_month', 'custom'] as const;
export const reportIntervals = ['day', 'week', 'month'] as const;
export const actorKinds = ['agent', 'customer', 'system', 'integration'] as const;
export const backlogStatuses = ['new', 'open', 'pending'] as const;
export const ageBuckets = ['under_1_day', '1_to_3_days', '3_to_7_days', '7_to_30_days', 'over_30_days'] as const;
/** The overview's tables, each exportable as CSV. */
export const overviewTables = ['volume', 'backlog', 'times', 'sla', 'resolved_by', 'channels', 'categories', 'departments', 'agents', 'ratings'] as const;

const day = z.iso.date();

/** The range and the filters every report takes; any other parameter is refused (400 naming it). */
const rangeAndFilters = {
  preset: z.enum(reportPresets).optional().describe('A range in the workspace time zone; default last_30_days, or custom when from and to are given'),
  from: day.optional().describe('YYYY-MM-DD, the first day (workspace time zone); with preset=custom'),
  to: day.optional().describe('YYYY-MM-DD, the last day, inclusive; at most 2 years after from'),
  department: idCsv.optional().describe('Comma list of department ids (the ticket’s department now)'),
  channel: csvOf(channels).optional().describe('Comma list of channels'),
  source: sourceCsv.optional().describe('Comma list of sources (website, ebay, google, …)'),
  category: idCsv.optional().describe('Comma list of category ids'),
  agent: idCsv.optional().describe('Comma list of agent ids: tickets assigned to them now'),
  priority: csvOf(priorities).optional().describe('Comma list of low, medium, high, urgent'),
};

export const overviewQuery = z.strictObject({
  ...rangeAndFilters,
  interval: z.enum(reportIntervals).optional().describe('Chart buckets; default day up to 62 days, week up to a year, else month'),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const overviewCsvQuery = overviewQuery.extend({ table: z.enum(overviewTables).describe('Which table of the overview') });
export type OverviewCsvQuery = z.infer<typeof overviewCsvQuery>;

export const activityQuery = z.strictObject({
  ...rangeAndFilters,
  actor: csvOf(actorKinds).optional().describe('Comma list of agent, customer, system, integration'),
  actor_agent: idCsv.optional().describe('Comma list of agent ids who acted'),
  type: z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z_]{1,40}$/, 'event types are lower-case words')).min(1).max(30))
    .optional()
    .describe('Comma list of event types: created, replied, resolved, reopened, closed, assigned, escalated, …'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});
export type ActivityQuery = z.infer<typeof activityQuery>;
export const activityCsvQuery = activityQuery.omit({ limit: true, cursor: true });
export type ActivityCsvQuery = z.infer<typeof activityCsvQuery>;

export const reportRange = z.object({
  from: day,
  to: day.describe('Inclusive'),
  time_zone: z.string(),
  interval: z.enum(reportIntervals),
  starts_at: timestamp.describe('The range as instants: from the start of `from`…'),
  ends_at: timestamp.describe('…to the start of the day after `to` (exclusive)'),
  previous: z.object({ from: day, to: day }).describe('The period of the same length just before, for trends'),
});

const counts = { created: z.number(), resolved: z.number(), closed: z.number(), auto_closed: z.number(), reopened: z.number() };

const timeFigures = z.object({
  count: z.number().describe('How many were measured'),
  median_seconds: z.number().nullable(),
  p90_seconds: z.number().nullable(),
});
const timeTrend = timeFigures.extend({
  previous: timeFigures,
  change: z.number().nullable().describe('Median against the previous period: 0.25 = 25 % longer'),
});
const compliance = z.object({
  with_target: z.number().describe('Measured against an SLA target'),
  met: z.number(),
  share: z.number().nullable().describe('met / with_target, 0–1'),
});
const breakdownRow = z.object({
  key: z.string().describe('A channel or source, or an id (empty: none)'),
  label: z.string(),
  created: z.number(),
  resolved: z.number(),
});

export const overviewReport = z
  .object({
    range: reportRange,
    totals: z.object(counts),
    volume: z.array(z.object({ bucket: day.describe('The first day of the bucket'), ...counts })),
    backlog: z.object({
      total: z.number(),
      by_status: z.array(z.object({ status: z.enum(backlogStatuses), count: z.number() })),
      by_age: z.array(z.object({ age: z.enum(ageBuckets), count: z.number() })),
    }),
    times: z.object({ first_response: timeTrend, resolution: timeTrend }).describe('In business time where the ticket’s SLA counts in a calendar, else wall time'),
    sla: z.object({
      first_response: compliance,
      resolution: compliance,
      escalations: z.array(z.object({ level: z.number(), count: z.number() })),
    }),
    resolved_by: z.object({
      agent: z.number(),
      customer: z.number(),
      system: z.number(),
      integration: z.number(),
      customer_share: z.number().nullable().describe('The portal’s self-resolve rate: customer / all resolutions'),
    }),
    by_channel: z.array(breakdownRow).describe('Marketplace and review tickets by their source (eBay, Google, …), others by channel'),
    by_category: z.array(breakdownRow),
    by_department: z.array(breakdownRow),
    by_agent: z.array(
      z.object({
        agent: z.object({ id: z.number(), name: z.string() }),
        handled: z.number().describe('Tickets the agent replied on'),
        resolved: z.number(),
        median_first_response_seconds: z.number().nullable(),
        median_resolution_seconds: z.number().nullable(),
      }),
    ),
    ratings: z.array(z.object({ rating: z.number(), count: z.number() })).describe('Review tickets created in the range, by stars'),
  })
  .meta({ id: 'OverviewReport' });
export type OverviewReport = z.infer<typeof overviewReport>;

export const activityRow = z
  .object({
    id: z.number(),
    at: timestamp,
    ticket: z.object({ number: z.string(), subject: z.string(), status: z.enum(statuses) }),
    type: z.string(),
    actor: z.object({ kind: z.enum(actorKinds), id: z.number().nullable(), name: z.string() }),
    resolved_by: z.string().nullable().describe('On a resolution: the agent’s name, or Customer'),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'ActivityRow' });
export type ActivityRow = z.infer<typeof activityRow>;

export const activityReport = page(activityRow).extend({ range: reportRange }).meta({ id: 'ActivityReport' });
export type ActivityReport = z.infer<typeof activityReport>;

