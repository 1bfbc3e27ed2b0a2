import { z } from 'zod';
import { idSchema, timestamp } from './common.ts';
import { limits } from './limits.ts';
import { statuses, ticket } from './tickets.ts';

/**
 * The Customer Information Center (DESIGN.md §3): one search over customers and customer users,
 * a dashboard of widgets per customer and per customer user, and each agent's widget layout.
 */

export const cicSearchQuery = z.strictObject({
  search: z
    .string()
    .max(200)
    .describe(
      'At least 2 characters other than *; * is a wildcard anywhere (ac*, *@example.com, +62*); ** alone lists all; any other input made of * only (*, ***) is too short (400). %, _ and \\ match literally; case and accents are ignored.',
    ),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});

/** A hit of the search: a customer (company) or a customer user, said which. */
export const cicHit = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('customer'), id: z.number(), name: z.string(), customer_code: z.string().nullable() }),
    z.object({
      kind: z.literal('customer_user'),
      id: z.number(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      customer: z.object({ id: z.number(), name: z.string() }).nullable(),
      valid: z.boolean(),
    }),
  ])
  .meta({ id: 'CicHit' });
export type CicHit = z.infer<typeof cicHit>;

export const ticketWidgets = ['reminder', 'escalated', 'new', 'open'] as const;
export type TicketWidget = (typeof ticketWidgets)[number];
export const widgetFilters = ['my_locked', 'my_departments', 'all'] as const;
export type WidgetFilter = (typeof widgetFilters)[number];
export const dashboardWidgets = ['customer_users', ...ticketWidgets] as const;
export type DashboardWidget = (typeof dashboardWidgets)[number];

/** Whose dashboard: a customer (company) with its users, or one customer user. */
export const dashboardParams = z.strictObject({ id: idSchema });

/** One ticket widget's page, under one of its filters, with the count of every filter tab. */
export const widgetQuery = z.strictObject({
  filter: z.enum(widgetFilters).default('all'),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(10),
  cursor: z.string().max(200).optional(),
});
export const widgetParams = dashboardParams.extend({ widget: z.enum(ticketWidgets) });

export const widgetPage = z
  .object({
    widget: z.enum(ticketWidgets),
    filter: z.enum(widgetFilters),
    counts: z
      .object({ my_locked: z.number(), my_departments: z.number(), all: z.number() })
      .describe("Each filter tab's total for this widget; my_locked and my_departments are 0 for API keys, which have no 'me'"),
    items: z.array(ticket),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'WidgetPage' });
export type WidgetPage = z.infer<typeof widgetPage>;

/** A customer user in the Customer users widget, with the counts that open the ticket search. */
export const customerUserRow = z
  .object({
    id: z.number(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    valid: z.boolean(),
    bounced_at: timestamp.nullable().describe('When mail to them last bounced'),
    bounce_reason: z.string().nullable().describe('What that bounce said'),
    open_tickets: z.number().describe('new, open and pending'),
    closed_tickets: z.number().describe('resolved and closed'),
  })
  .meta({ id: 'CustomerUserRow' });

/** The dashboard's frame: the sidebar's Company status and the Customer users widget; ticket widgets load on their own. */
export const dashboard = z
  .object({
    subject: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('customer'), id: z.number(), name: z.string(), customer_code: z.string().nullable() }),
      z.object({ kind: z.literal('customer_user'), id: z.number(), name: z.string(), customer: z.object({ id: z.number(), name: z.string() }).nullable() }),
    ]),
    status_counts: z.object(Object.fromEntries(statuses.map((s) => [s, z.number()])) as Record<(typeof statuses)[number], z.ZodNumber>),
    customer_users: z.array(customerUserRow).describe("A customer's users (at most 100; more are found with the search); for a customer user, just them"),
  })
  .meta({ id: 'CicDashboard' });
export type CicDashboard = z.infer<typeof dashboard>;

/** An agent's Customer Information Center layout: widget order and which are shown. */
export const cicLayout = z
  .strictObject({
    order: z.array(z.enum(dashboardWidgets)).max(dashboardWidgets.length).refine((o) => new Set(o).size === o.length, 'each widget once'),
    hidden: z
      .array(z.enum(dashboardWidgets))
      .max(dashboardWidgets.length)
      .refine((h) => new Set(h).size === h.length, 'each widget once'),
  })
  .describe('order: widgets each at most once; those left out follow in the default order (answers list them all)')
  .meta({ id: 'CicLayout' });
export type CicLayout = z.infer<typeof cicLayout>;

export const preferenceKeys = ['cic_layout'] as const;
export const preferenceParams = z.strictObject({ key: z.enum(preferenceKeys) });
export type PreferenceKey = (typeof preferenceKeys)[number];
export const putPreferenceBody = z.strictObject({ value: cicLayout });
export const preference = z.object({ key: z.enum(preferenceKeys), value: cicLayout, updated_at: timestamp.nullable() }).meta({ id: 'Preference' });
export type Preference = z.infer<typeof preference>;
