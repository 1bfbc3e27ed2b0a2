import { autoCloseDuty } from './auto-close.duty.ts';
import type { Duty } from './duty.ts';
import { escalationDuty } from './escalation.duty.ts';
import { inboundMailDuty } from './inbound-mail.duty.ts';
import { pendingReminderDuty } from './pending-reminder.duty.ts';
import { slaWarningDuty } from './sla-warning.duty.ts';

/** Every duty the sweeper runs, in this order each sweep. A new duty is one line here (see duty.ts). */
export const duties: readonly Duty[] = [inboundMailDuty, autoCloseDuty, pendingReminderDuty, slaWarningDuty, escalationDuty];
