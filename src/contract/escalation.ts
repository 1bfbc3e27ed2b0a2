import { z } from 'zod';
import { idSchema, ref } from './common.ts';
import { priorities } from './tickets.ts';

/**
 * Escalation levels of a department (the "process flow", DESIGN.md §2): once a ticket of the
 * department is past its escalation time (its earliest unmet due time), level 1 fires after its
 * delay, then level 2 after its longer delay, and so on; each level tells the agents it names
 * and may reassign the ticket or raise its priority. A ticket that is answered or resolved in
 * time for its next due time stops escalating and starts again from level 1 if it misses one.
 */

export const escalationLimits = {
  levelsMax: 10,
  notifyAgentsMax: 50,
  /** A delay past a year of business time is a typing error. */
  delaySecondsMax: 366 * 24 * 3600,
} as const;

const levelFields = {
  delay_seconds: z
    .number()
    .int()
    .min(0)
    .max(escalationLimits.delaySecondsMax)
    .describe('Business seconds past the escalation time (in the ticket calendar) before this level fires; each level waits longer than the one before'),
  notify_agent_ids: z.array(idSchema).max(escalationLimits.notifyAgentsMax).describe('Agents told in the app (and by mail if they chose it)'),
  notify_department_id: idSchema.nullable().describe("A department whose members are told; with no one named at all, the ticket's assignee, else its department"),
  reassign_department_id: idSchema.nullable().describe('Move the ticket to this department'),
  reassign_agent_id: idSchema.nullable().describe('Assign the ticket to this agent'),
  raise_priority_to: z.enum(priorities).nullable().describe('Raise the priority to at least this (a higher one is kept)'),
};

export const escalationLevelInput = z.strictObject({
  delay_seconds: levelFields.delay_seconds,
  notify_agent_ids: levelFields.notify_agent_ids.default([]),
  notify_department_id: levelFields.notify_department_id.default(null),
  reassign_department_id: levelFields.reassign_department_id.default(null),
  reassign_agent_id: levelFields.reassign_agent_id.default(null),
  raise_priority_to: levelFields.raise_priority_to.default(null),
});
export type EscalationLevelInput = z.infer<typeof escalationLevelInput>;

/** PUT replaces the whole flow: level n is the n-th item. */
export const escalationLevelsBody = z.strictObject({
  levels: z
    .array(escalationLevelInput)
    .max(escalationLimits.levelsMax)
    .superRefine((levels, ctx) => {
      levels.forEach((level, index) => {
        const previous = levels[index - 1];
        if (previous && level.delay_seconds <= previous.delay_seconds) {
          ctx.addIssue({ code: 'custom', path: [index, 'delay_seconds'], message: `level ${index + 1} must wait longer than level ${index} (${previous.delay_seconds} s)` });
        }
      });
    })
    .describe('Level 1 first; delays strictly increasing; an empty list turns escalation off for the department'),
});
export type EscalationLevelsBody = z.infer<typeof escalationLevelsBody>;

export const escalationLevel = z
  .object({
    level: z.number().describe('1, 2, 3…'),
    delay_seconds: z.number(),
    notify_agents: z.array(ref),
    notify_department: ref.nullable(),
    reassign_department: ref.nullable(),
    reassign_agent: ref.nullable(),
    raise_priority_to: z.enum(priorities).nullable(),
  })
  .meta({ id: 'EscalationLevel' });
export type EscalationLevel = z.infer<typeof escalationLevel>;

export const escalationLevels = z
  .object({ department_id: z.number(), levels: z.array(escalationLevel) })
  .meta({ id: 'EscalationLevels' });
export type EscalationLevels = z.infer<typeof escalationLevels>;
