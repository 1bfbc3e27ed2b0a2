import { z } from 'zod';
import { businessCalendar, calendarLimits, weekdays } from './calendars.ts';
import { idSchema, nonEmpty, ref, timestamp } from './common.ts';
import { limits } from './limits.ts';
import { channels, priorities } from './tickets.ts';

/** Service levels: business calendars, SLA policies, and a ticket's SLA state. */

export const slaLimits = {
  /** A target longer than a year of business time is a typing error, not a service level. */
  targetSecondsMax: 366 * 24 * 3600,
  policiesMax: 200,
  matchListMax: 100,
} as const;

const range = z.object({ start: z.string(), end: z.string() });

export const calendar = z
  .object({
    id: z.number(),
    name: z.string(),
    time_zone: z.string(),
    always_open: z.boolean(),
    hours: z.object(Object.fromEntries(weekdays.map((d) => [d, z.array(range)])) as Record<(typeof weekdays)[number], z.ZodArray<typeof range>>),
    holidays: z.array(z.object({ date: z.string(), name: z.string().optional() })),
    used_by: z
      .object({
        workspace_default: z.boolean(),
        departments: z.array(ref),
        sla_policies: z.array(ref),
      })
      .describe('What counts time in this calendar; a calendar in use cannot be deleted'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'BusinessCalendar' });
export type Calendar = z.infer<typeof calendar>;

/** POST and PUT take the whole calendar (PUT replaces it). */
export const calendarBody = businessCalendar;

const holidayItem = z.union([
  z.iso.date(),
  z.strictObject({ date: z.iso.date(), name: nonEmpty(limits.nameMax).optional() }),
]);

export const importHolidaysBody = z.strictObject({
  holidays: z
    .array(holidayItem)
    .min(1)
    .max(calendarLimits.holidaysMax)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((item, index) => {
        const date = typeof item === 'string' ? item : item.date;
        if (seen.has(date)) ctx.addIssue({ code: 'custom', path: [index], message: `${date} is listed twice` });
        seen.add(date);
      });
    })
    .describe('Local dates (YYYY-MM-DD), or {date, name}; a date the calendar lists already keeps its place and takes the new name if one is given'),
  replace: z.boolean().default(false).describe('true: these become the only holidays of the calendar'),
});
export type ImportHolidaysBody = z.infer<typeof importHolidaysBody>;

export const importHolidaysResult = z
  .object({
    added: z.number(),
    renamed: z.number(),
    unchanged: z.number(),
    removed: z.number().describe('With replace: the holidays no longer listed'),
    calendar,
  })
  .meta({ id: 'HolidayImportResult' });

export const calendarChoiceBody = z.strictObject({
  calendar_id: idSchema.nullable().describe('A calendar of this workspace, or null for none'),
});
export const defaultCalendar = z
  .object({ calendar_id: z.number().nullable(), time_zone: z.string().describe('The workspace time zone: with no calendar, time counts 24×7 in it') })
  .meta({ id: 'DefaultCalendar' });
export const departmentCalendar = z
  .object({ department_id: z.number(), calendar_id: z.number().nullable() })
  .meta({ id: 'DepartmentCalendar' });

const target = z.number().int().positive().max(slaLimits.targetSecondsMax);
const matchList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(slaLimits.matchListMax);

/** The match lists and targets; a null list matches any ticket, a null target sets no due time. */
const policyFields = {
  name: nonEmpty(limits.nameMax),
  priorities: matchList(z.enum(priorities)).nullable().describe('null: any priority'),
  department_ids: matchList(idSchema).nullable().describe('null: any department (or none)'),
  channels: matchList(z.enum(channels)).nullable().describe('null: any channel'),
  category_ids: matchList(idSchema).nullable().describe('null: any category (or none)'),
  first_response_seconds: target.nullable().describe('Business seconds from creation to the first public agent reply'),
  next_response_seconds: target.nullable().describe('Business seconds from a customer message to the next public agent reply'),
  resolution_seconds: target.nullable().describe('Business seconds from creation to resolution'),
  warning_percent: z.number().int().min(1).max(99).nullable().describe('Warn when this share of a target has passed'),
  calendar_id: idSchema.nullable().describe("null: the department's calendar, else the workspace's"),
  is_active: z.boolean(),
};

export const createSlaPolicyBody = z.strictObject({
  name: policyFields.name,
  priorities: policyFields.priorities.default(null),
  department_ids: policyFields.department_ids.default(null),
  channels: policyFields.channels.default(null),
  category_ids: policyFields.category_ids.default(null),
  first_response_seconds: policyFields.first_response_seconds.default(null),
  next_response_seconds: policyFields.next_response_seconds.default(null),
  resolution_seconds: policyFields.resolution_seconds.default(null),
  warning_percent: policyFields.warning_percent.default(null),
  calendar_id: policyFields.calendar_id.default(null),
  is_active: policyFields.is_active.default(true),
});
export type CreateSlaPolicyBody = z.infer<typeof createSlaPolicyBody>;

export const patchSlaPolicyBody = z
  .strictObject({
    name: policyFields.name.optional(),
    priorities: policyFields.priorities.optional(),
    department_ids: policyFields.department_ids.optional(),
    channels: policyFields.channels.optional(),
    category_ids: policyFields.category_ids.optional(),
    first_response_seconds: policyFields.first_response_seconds.optional(),
    next_response_seconds: policyFields.next_response_seconds.optional(),
    resolution_seconds: policyFields.resolution_seconds.optional(),
    warning_percent: policyFields.warning_percent.optional(),
    calendar_id: policyFields.calendar_id.optional(),
    is_active: policyFields.is_active.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type PatchSlaPolicyBody = z.infer<typeof patchSlaPolicyBody>;

export const slaPolicy = z
  .object({
    id: z.number(),
    name: z.string(),
    position: z.number().describe('Policies are tried in this order; the first active match applies'),
    priorities: z.array(z.enum(priorities)).nullable(),
    department_ids: z.array(z.number()).nullable(),
    channels: z.array(z.enum(channels)).nullable(),
    category_ids: z.array(z.number()).nullable(),
    first_response_seconds: z.number().nullable(),
    next_response_seconds: z.number().nullable(),
    resolution_seconds: z.number().nullable(),
    warning_percent: z.number().nullable(),
    calendar_id: z.number().nullable(),
    is_active: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'SlaPolicy' });
export type SlaPolicy = z.infer<typeof slaPolicy>;

export const orderSlaPoliciesBody = z.strictObject({
  ids: z.array(idSchema).max(slaLimits.policiesMax).describe('Every policy id of the workspace, in the order they are tried'),
});

/** A ticket's service-level state, as reports and the ticket view read it. */
export const ticketSla = z
  .object({
    policy: ref.nullable().describe('The policy that set the due times (name "" when it was deleted since)'),
    first_response_due_at: timestamp.nullable(),
    next_response_due_at: timestamp.nullable(),
    resolution_due_at: timestamp.nullable(),
    escalation_at: timestamp.nullable().describe('The earliest unmet due time; overdue once it has passed'),
    warning_at: timestamp.nullable().describe('The next instant a warning is due'),
    escalation_level: z.number().describe("Escalation levels of the department's flow reached since the escalation time passed; 0 while nothing is overdue"),
    next_escalation_at: timestamp.nullable().describe('When the next escalation level fires (while the clock runs and a further level exists)'),
    is_overdue: z.boolean(),
    paused_at: timestamp.nullable().describe('Since when the clock stands still (pending, resolved, closed)'),
    paused_seconds: z.number().describe('Business seconds of the pauses that ended'),
    next_response_since: timestamp.nullable().describe('Since when a customer message waits for an answer (moved on by pauses)'),
    first_responded_at: timestamp.nullable(),
    first_response_seconds_taken: z.number().nullable(),
    first_response_seconds_over: z.number().nullable().describe('Negative: under the target'),
    resolution_seconds_taken: z.number().nullable(),
    resolution_seconds_over: z.number().nullable().describe('Negative: under the target'),
  })
  .meta({ id: 'TicketSla' });
export type TicketSla = z.infer<typeof ticketSla>;
